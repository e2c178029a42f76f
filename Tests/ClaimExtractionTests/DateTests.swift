import Testing
@testable import ClaimExtraction

/// Dates resolve against a fixed reference day, Tuesday 12 February 2013.
@Suite struct DateTests {
    private let resolver = DateResolver(reference: PartialDate(year: 2013, month: 2, day: 12))

    private func resolve(_ text: String) -> String? {
        let scoped = Scoped(text)
        let expressions = scoped.with { DateReader(lexicon: scoped.lexicon).read($0.tokens, in: $0.range) }
        return expressions.first.flatMap { resolver.resolve($0.value) }?.iso
    }

    @Test(arguments: [
        ("He said on Friday", "2013-02-08"),
        ("Milley said Tuesday", "2013-02-12"),
        ("in September", "2012-09"),
        ("in February", "2013-02"),
        ("last month", "2013-01"),
        ("last week", "2013-02"),
        ("yesterday", "2013-02-11"),
        ("on February 10", "2013-02-10"),
        ("on March 3", "2012-03-03"),
        ("on 20 January 2023", "2023-01-20"),
        ("January 20, 2023", "2023-01-20"),
        ("Feb. 24", "2012-02-24"),
        ("on Feb. 4", "2013-02-04"),
        ("(10th November)", "2012-11-10"),
        ("on 2023-01-20", "2023-01-20"),
        ("last year", "2012"),
        ("in 2022", "2022"),
        // The reference day is a Tuesday: "last Tuesday" is a week before.
        ("last Tuesday", "2013-02-05"),
        ("last Sunday", "2013-02-10"),
    ])
    func expressionsResolve(text: String, expected: String) {
        #expect(resolve(text) == expected)
    }

    @Test func periodsAndEventsAreNotStatementDates() {
        let scoped = Scoped("since Russia launched its offensive on February 24, and from May, Milley said on Friday")
        let expressions = scoped.with { DateReader(lexicon: scoped.lexicon).read($0.tokens, in: $0.range) }
        #expect(expressions.map(\.isAnchor) == [true, true, false])
    }

    @Test func aClaimIsDatedByItsStatement() {
        #expect(claims("Milley said on Friday that 100,000 Russian soldiers had been killed.").map(\.statedOn?.iso) == ["2013-02-08"])
        #expect(claims("In September, Moscow said 5,937 soldiers had been killed since February 24.").map(\.statedOn?.iso) == ["2012-09"])
        #expect(claims("Kristoffersen stated last month that Ukraine has lost 100,000 soldiers.").map(\.statedOn?.iso) == ["2013-01"])
    }

    /// The date and where it came from, for the first claim of `text`
    /// published on Tuesday 12 February 2013.
    private func stated(_ text: String) -> String? {
        guard let claim = claims(text).first, let date = claim.statedOn else { return nil }
        return date.iso + " " + (claim.statedOnSource?.rawValue ?? "-")
    }

    @Test(arguments: [
        // A weekday after the verb: the latest such day on or before publication.
        ("The navy said Thursday that 640 Russian sailors had been killed.", "2013-02-07 front_matter"),
        ("About 2,300 Russian soldiers were wounded, the governor told reporters on Sunday.", "2013-02-10 front_matter"),
        // A weekday opening the sentence, before the subject.
        ("On Monday, the regional governor said 75 civilians had been killed.", "2013-02-11 front_matter"),
        // The day of publication itself.
        ("The agency reported on Tuesday that 310 Ukrainian soldiers were captured.", "2013-02-12 front_matter"),
        // A month, a month with a day, a day before the month.
        ("The mayor said in August that 1,800 civilians had been killed.", "2012-08 front_matter"),
        ("The mayor said on June 12 that 1,800 civilians had been killed.", "2012-06-12 front_matter"),
        ("The mayor said on 28 November that 1,800 civilians had been killed.", "2012-11-28 front_matter"),
        ("The mayor said on 3 February that 1,800 civilians had been killed.", "2013-02-03 front_matter"),
        // Relative days and months.
        ("Officials said yesterday that 95 civilians had been killed.", "2013-02-11 front_matter"),
        ("The council announced last month that 4,100 soldiers had died.", "2013-01 front_matter"),
        ("The council announced earlier this month that 4,100 soldiers had died.", "2013-02 front_matter"),
        ("The council announced at the end of July this year that 4,100 soldiers had died.", "2013-07 front_matter"),
        ("Officials said on the 1st that 95 civilians had been killed.", "2013-02-01 front_matter"),
        ("Officials said on the 20th that 95 civilians had been killed.", "2013-01-20 front_matter"),
        // A verb of saying over a verb of counting dates the statement.
        ("The mission said on Monday that it had recorded 604 civilian casualties.", "2013-02-11 front_matter"),
        // A full date needs nothing but the words.
        ("The minister told parliament on 14 March 2011 that 7,000 soldiers had died.", "2011-03-14 text"),
        // A statement noun dated before its verb.
        ("The ministry's update in December said 1,250 soldiers had been killed.", "2012-12 front_matter"),
    ])
    func theDateAttachedToTheStatementDatesIt(text: String, expected: String) {
        #expect(stated(text) == expected)
    }

    @Test(arguments: [
        // A plain "said" in a same-day report is not enough.
        "Ukraine says it has killed 4,300 Russian soldiers.",
        "The governor said 75 civilians had been killed.",
        // Dates of the count, not of the statement.
        "As of March 19, the army held 412 Russian prisoners of war, the ministry said.",
        "As at 1 June, 412 Russian soldiers were held as prisoners, officials said.",
        "The agency said 5,100 soldiers have died since February 24.",
        "Between January and June, 3,800 civilians were killed, the monitors said.",
        "The monitors said 3,800 civilians were killed from 1 to 10 March.",
        "The monitors said 3,800 civilians were killed in 2011.",
        // A date inside what is reported dates the event, not the saying.
        "The governor said 75 civilians were killed on Sunday.",
        "At least 75 civilians were killed on Sunday, the governor said.",
        "On September 3-9, investigators exhumed 140 bodies, prosecutors said.",
        // No verb of saying: the date is the event's.
        "On Monday, 60 civilians were killed in a missile strike.",
        // A verb of counting: the date is the count's.
        "In March, the mission recorded 604 civilian casualties.",
        "From 24 February 2011, when the attack began, to 31 January 2013, the monitors documented 3,800 civilian deaths.",
    ])
    func aDateThatDoesNotDateTheStatementIsIgnored(text: String) {
        #expect(claims(text).first?.statedOn == nil)
        #expect(claims(text).first?.statedOnSource == nil)
    }

    @Test func aRelativeDateWithoutAPublicationDateIsUnknown() {
        let undated = LexiconFixture.extractor.extract(Document(
            name: "u.txt", text: "The governor said on Monday that 75 civilians had been killed.\n"))
        #expect(undated.published == nil)
        #expect(undated.claims.map(\.statedOn) == [nil])
        #expect(undated.claims.map(\.statedOnSource) == [nil])
    }

    @Test func aMonthWithoutAPublicationDateTakesTheYearTheTextNames() {
        let text = "The fighting grew worse in 2023. The governor said on 4 May that 75 civilians had been killed.\n"
        let claims = LexiconFixture.extractor.extract(Document(name: "c.txt", text: text)).claims
        #expect(claims.map(\.statedOn?.iso) == ["2023-05-04"])
        #expect(claims.map(\.statedOnSource) == [.context])
    }

    @Test func aMonthInATextThatNamesNoYearTakesTheConflictsFirst() {
        // The fixture's conflict began on 2022-02-24.
        let text = "The prosecutor reported on Nov. 24 that 120 civilians had been killed. The mayor said on 3 February that 40 civilians had died.\n"
        let claims = LexiconFixture.extractor.extract(Document(name: "n.txt", text: text)).claims
        #expect(claims.map(\.statedOn?.iso) == ["2022-11-24", "2023-02-03"])
        #expect(claims.map(\.statedOnSource) == [.context, .context])
    }

    @Test func aLeadTakesTheDateItsSpeakerGivesTheSameFigureLater() {
        let text = "More than 3,000 Russian soldiers have been wounded near Izium, Governor Oleh Syniehubov has said. "
            + "Separately, 75 civilians were killed, the mayor said. "
            + "\"More than 3,000 Russian soldiers were wounded,\" Syniehubov said on Monday."
        #expect(claims(text).map(\.statedOn?.iso) == ["2013-02-11", nil, "2013-02-11"])
    }

    @Test func anotherSpeakersFigureOrHedgeIsNotDatedByTheRestatement() {
        let text = "About 3,000 Russian soldiers have been wounded, the governor has said. "
            + "Officials said on Monday that more than 3,000 Russian soldiers were wounded."
        #expect(claims(text).map(\.statedOn?.iso) == [nil, "2013-02-11"])
    }

    @Test func aDateAfterOneVerbOfSayingIsNotAnotherClausesDate() {
        let text = "Zelensky revealed the figure Monday on his channel, far above Seoul's estimate of around 1,100 North Korean casualties."
        #expect(claims(text).map(\.statedOn?.iso) == [nil])
        let opening = "The last estimate dates back to April when the president said that up to 3,000 soldiers had been killed."
        #expect(claims(opening).map(\.statedOn?.iso) == ["2012-04"])
    }

    @Test func aDayBeforeTheWarBeganFallsInTheNextYear() {
        // The fixture's conflict began on 2022-02-24: the text names 2022 as
        // a year gone by, so "Jan. 14" is 2023's; "in March" stays 2022's.
        let text = "Ukraine freed 1,600 prisoners in 2022. The governor said on Jan. 14 that 75 soldiers had been captured. "
            + "In March, the army said 40 soldiers had been killed.\n"
        let claims = LexiconFixture.extractor.extract(Document(name: "b.txt", text: text)).claims
        #expect(claims.map(\.statedOn?.iso) == [nil, "2023-01-14", "2022-03"])
    }

    @Test func aDatelineDatesRelativeStatements() {
        let text = "KYIV, March 8 (Reuters) - The governor said on Monday that 75 civilians had been killed.\n"
        let claim = LexiconFixture.extractor.extract(Document(name: "d.txt", text: text)).claims.first
        #expect(claim?.statedOnSource == .dateline)
    }

    @Test func aHeadlineEndingInADateDatesTheDocument() {
        let text = "Ukraine: civilian casualty update, 10 October 2024\n\nThe UN human rights office said on Thursday that 11,973 civilians had been killed.\n"
        let extraction = LexiconFixture.extractor.extract(Document(name: "h.txt", text: text))
        #expect(extraction.published?.iso == "2024-10-10")
        #expect(extraction.claims.map(\.statedOn?.iso) == ["2024-10-10"])
    }

    @Test func aStatementThatNamesItsSpeakerAfreshIsNotContinued() {
        let text = "The General Staff said on Sunday that the shelling had not stopped. The General Staff reported that 75 Russian soldiers had been killed."
        #expect(claims(text).map(\.statedOn?.iso) == [nil])
    }

    @Test func aLaterStatementOfTheSameSpeakerContinuesTheDatedOne() {
        let text = "Milley said on Sunday that the shelling had not stopped. He added that 75 civilians had been killed."
        #expect(claims(text).map(\.statedOn?.iso) == ["2013-02-10"])
    }

    @Test func aHeadlineTakesItsStorysDateWhateverTheHedge() {
        let text = "Zelensky says 31,000 Ukrainian troops killed\n\n"
            + "Some 31,000 Ukrainian soldiers have been killed, President Volodymyr Zelensky said on Sunday."
        #expect(claims(text).map(\.statedOn?.iso) == ["2013-02-10", "2013-02-10"])
        // A sentence of the story does not.
        let story = "Nearly 31,000 Ukrainian soldiers have been killed, Zelensky has said. "
            + "Some 31,000 Ukrainian soldiers have been killed, President Volodymyr Zelensky said on Sunday."
        #expect(claims(story).map(\.statedOn?.iso) == [nil, "2013-02-10"])
    }

    @Test func aDateClosingTheFigureAVerbOfSayingTakesDatesTheStatement() {
        #expect(claims("Ukraine's General Staff put Russia's losses at around 139,080 troops on Saturday.").map(\.statedOn?.iso)
            == ["2013-02-09"])
        #expect(claims("Russia acknowledged 5,937 deaths among its soldiers in September 2022.").map(\.statedOn?.iso) == ["2022-09"])
        // What a verb between dates is the count's; so is a rate's month.
        #expect(claims("The ministry reported 500 soldiers killed on Monday near Bakhmut.").map(\.statedOn?.iso) == [nil])
        #expect(claims("The ministry put Russian casualties at about 1,200 a day in January.").map(\.statedOn?.iso) == [nil])
        // Figures coordinated in the one object share its date.
        #expect(claims("The governor initially reported 13 dead and 40 wounded on Saturday night.").map(\.statedOn?.iso)
            == ["2013-02-09", "2013-02-09"])
    }

    @Test func aRevisionDatesItsFigureAndADateOpeningACoordinatedPartDatesItsOwn() {
        let text = "In March 2012 he said 31,000 soldiers had been killed. "
            + "In December he raised the figure to 43,000 dead, and last month to 46,000 dead."
        #expect(claims(text).map(\.statedOn?.iso) == ["2012-03", "2012-12", "2013-01"])
    }

    @Test func anOccasionForSpeakingDatesWhatIsSaidAtIt() {
        #expect(claims("Mark Rutte said at the close of the alliance's summit in The Hague on Monday that Russia had taken 900,000 casualties.")
            .map(\.statedOn?.iso) == ["2013-02-11"])
        #expect(claims("A NATO official, briefing reporters on the sidelines of the summit on Monday, estimated that 1,000 Russians were killed.")
            .map(\.statedOn?.iso) == ["2013-02-11"])
        // The start of an event is no statement's day.
        #expect(claims("Since the offensive began on Monday, Russia has lost 5,000 soldiers, the ministry said.").map(\.statedOn?.iso) == [nil])
    }

    @Test func aTimeOfTheDayOfWritingDatesTheStatement() {
        #expect(claims("The governor said this morning that 40 civilians had been killed.").map(\.statedOn?.iso) == ["2013-02-12"])
        #expect(claims("The governor said in a post a few minutes ago that 40 civilians had been killed.").map(\.statedOn?.iso)
            == ["2013-02-12"])
        #expect(claims("The governor said last night that 40 civilians had been killed.").map(\.statedOn?.iso) == ["2013-02-11"])
        // A time of day is no day's tally.
        #expect(keys("This morning the General Staff had Russian losses at 389,560.") == ["russia military casualties exact 389560"])
    }

    @Test func anUndatedTextIsNoOlderThanTheEventsItNames() {
        let text = "Ukrainian forces have killed 6,662 Russian soldiers since the start of the Kursk incursion, "
            + "Syrskyi claimed on Oct. 25.\n"
        let claims = LexiconFixture.extractor.extract(Document(name: "k.txt", text: text)).claims
        #expect(claims.map(\.statedOn?.iso) == ["2024-10-25"])
        // A month before the event falls in the year after it.
        let later = "Some 3,000 North Korean troops have been killed or wounded, Zelensky said in January.\n"
        #expect(LexiconFixture.extractor.extract(Document(name: "n.txt", text: later)).claims.map(\.statedOn?.iso) == ["2025-01"])
        // "former President Donald Trump" names no presidency.
        let former = "Former President Donald Trump said in March that 75,000 Russian soldiers had been killed.\n"
        #expect(LexiconFixture.extractor.extract(Document(name: "f.txt", text: former)).claims.map(\.statedOn?.iso) == ["2022-03"])
    }

    @Test func wordsThatReferBackTakeTheDateGivenBefore() {
        let month = "The slides are dated February. Kirby said the same month that Wagner had suffered more than 30,000 casualties."
        #expect(claims(month).map(\.statedOn?.iso) == ["2013-02"])
        let year = "The war began in 2012. In September that year, the ministry said 5,937 soldiers had been killed."
        #expect(claims(year).map(\.statedOn?.iso) == ["2012-09"])
        // With nothing given before, they date nothing.
        #expect(claims("The ministry said the same day that 5,937 soldiers had been killed.").map(\.statedOn?.iso) == [nil])
    }

    @Test func weekdayArithmetic() {
        #expect(CivilDate.weekday(days: CivilDate.days(year: 2013, month: 2, day: 12)) == 2)
        #expect(CivilDate.weekday(days: CivilDate.days(year: 2023, month: 1, day: 20)) == 5)
        let date = CivilDate.date(days: CivilDate.days(year: 2024, month: 2, day: 29))
        #expect(date.year == 2024 && date.month == 2 && date.day == 29)
    }
}
