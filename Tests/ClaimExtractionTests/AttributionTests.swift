import Testing
@testable import ClaimExtraction

/// Speakers and the outlets that relay them.
@Suite struct AttributionTests {
    @Test func aNamedSpeakerInTheSentence() {
        #expect(speakers("Russia has lost 100,000 soldiers, Ben Wallace said.") == ["Ben Wallace"])
        #expect(speakers("Milley said Friday that Russia had suffered 100,000 casualties.") == ["Mark Milley"])
        #expect(speakers("According to the UK Ministry of Defence, Russia has suffered 97,000 casualties.") == ["UK Ministry of Defence"])
        #expect(speakers("The Ukrainian General Staff believes that over 139,000 Russian troops have been killed.") == ["Ukrainian General Staff"])
        #expect(speakers("Meanwhile, according to Kristoffersen, 180,000 Russian soldiers were killed or wounded.") == ["Eirik Kristoffersen"])
    }

    @Test func aTranscriptsLabelNamesTheParagraphsSpeaker() {
        let text = """
            Taking part: Iryna Koval, head of the regional administration; Tomas Berg, an observer for the mission.

            MODERATOR: Welcome. Ms Koval, please.

            KOVAL: Good morning. Since Monday, Russian strikes have killed 14 civilians in the region.

            QUESTION (Reuters): Officials say 400 soldiers died there. Is that right?

            BERG: We have documented 31 civilians injured.

            PETRO HALYCH: Russia has lost 2,100 soldiers on this axis.
            """
        #expect(speakers(text) == ["Iryna Koval", nil, "Tomas Berg", "Petro Halych"])
    }

    @Test func aLabelledSpeakersEnemyIsTheOtherSideOfTheirDescription() {
        let text = """
            Taking part: Iryna Koval, Deputy Minister of Defence of Ukraine; Tomas Berg, an observer for the mission in Ukraine.

            KOVAL: Thank you. Since the start of the Russian offensive there, the enemy has lost more than 9,000 killed and wounded.
            """
        #expect(keys(text) == ["russia military casualties at_least 9000"])
    }

    @Test func aPronounIsWhoSpokeEarlierInItsSentenceBeforeAnyOtherName() {
        let text = "The UN human rights monitoring mission said that 9,120 civilians had been killed since Russia's invasion, "
            + "figures it says are an undercount. It said June had been the worst month, with 232 killed."
        #expect(speakers(text) == ["OHCHR", "OHCHR"])
        #expect(keys(text).last == "ukraine civilian killed exact 232")
    }

    @Test func aTitleThePersonDoesNotBearLeavesRoomForOneSlip() {
        // Not Foreign Minister Sergei Lavrov, two letters away.
        #expect(claims("Belgorod Gov. Sergei Lavrinov said a drone had wounded four people.").map(\.speaker) == ["Sergei Lavrinov"])
        #expect(keys("Belgorod Gov. Sergei Lavrinov said a drone had wounded four people.") == ["russia civilian wounded exact 4"])
    }

    @Test func aLongerNameAfterAPossessiveIsTheOneMeant() {
        #expect(speakers("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said 95 soldiers had come home in the swap.")
            == ["Coordination Headquarters for the Treatment of Prisoners of War"])
    }

    @Test func aStatementsTitleNamesTheBodyTheWholeTextIsBy() {
        let text = """
            Statement of the Ministry of Defence of the Russian Federation on the situation at the front

            Units of the Vostok Group of Forces improved their positions.

            The enemy lost up to 210 troops during the day, as well as a tank made in the United States.
            """
        #expect(speakers(text) == ["Russian Ministry of Defence"])
        #expect(keys(text) == ["ukraine military casualties at_most 210/day"])
        // The document is the statement: it is made the day the document is dated.
        #expect(claims(text, published: "2025-03-03").map { $0.statedOn?.description } == ["2025-03-03"])
    }

    @Test func aBodysNameAloneAtTheTopMakesThePageItsOwn() {
        let text = """
            Генеральний штаб ЗСУ / General Staff of the Armed Forces of Ukraine
            @GeneralStaffZSU · 1.47M subscribers

            The total combat losses of the enemy were approximately 1,000,340 persons.
            """
        #expect(speakers(text) == ["Ukrainian General Staff"])
        #expect(claims(text, published: "2025-06-12").map { $0.statedOn?.description } == ["2025-06-12"])
        // A saved page's menu names countries, not the page's author.
        #expect(speakers("News\nU.S.\nWorld\n\nThe enemy lost 1,000 soldiers.") == [nil])
    }

    @Test func aLocalBodyIsNoneOfTheCountrysButNamedByItsPlace() {
        #expect(claims("The Bryansk regional government said 12 residents had been killed by shelling.").map(\.speaker)
            == ["Bryansk regional government"])
        #expect(keys("The Bryansk regional government said 12 residents had been killed by shelling.") == ["russia civilian killed exact 12"])
        #expect(speakers("The US administration said 40,000 Russian soldiers had died. The regional administration said 12 people were killed.")
            == ["US government", nil])
    }

    @Test func aSourceLineNamesTheSourceOfTheLeadAboveAndTheDetailsBelow() {
        let text = """
            Russia has lost about 870,200 soldiers since the invasion, including 1,180 over the past day.

            Source: General Staff of the Armed Forces of Ukraine

            Details: the enemy also lost 9,900 tanks.

            Russian losses in May came to 38,000.
            """
        #expect(speakers(text) == ["Ukrainian General Staff", "Ukrainian General Staff", "Ukrainian General Staff"])
    }

    @Test func aNameInLowerCaseIsOneWhenItsAcronymFollowsInBrackets() {
        #expect(speakers("Nine Indian nationals serving in the Russian army have been killed, the ministry of external affairs (MEA) said.")
            == ["Indian Ministry of External Affairs"])
    }

    @Test func anAppositiveStandsBetweenSpeakerAndVerb() {
        let text = "About 40,000 civilians died in the war, Milley, who serves as President Joe Biden’s most senior military adviser, suggested."
        #expect(speakers(text) == ["Mark Milley"])
        let zaluzhny = "In August, the commander-in-chief of the armed forces, Valery Zaluzhny, was quoted as saying that 9,000 Ukrainian soldiers had died."
        #expect(speakers(zaluzhny) == ["Valery Zaluzhnyi"])
    }

    @Test func aPersonOfABodyAfterTheFigureIsTheSpeaker() {
        #expect(speakers("Ukraine lost some 600 soldiers, the chief of staff Olena Hrynchuk of the Ukrainian Armed Forces said.")
            == ["Olena Hrynchuk"])
        #expect(speakers("Ukraine lost some 600 soldiers, General Zaluzhny of the Ukrainian Armed Forces said.") == ["Valery Zaluzhnyi"])
        #expect(speakers("Ukraine lost some 600 soldiers, a spokesman of the Ukrainian Armed Forces said.") == ["Armed Forces of Ukraine"])
    }

    @Test func aCountrysFigureIsByWhoeverTheNextSentencesNameAsGivingIt() {
        let named = "Moscow said on Tuesday that 1,400 of its troops had died.\n"
            + "Defence Minister Andrei Belousov announced the casualties in a televised briefing."
        #expect(speakers(named) == ["Andrei Belousov"])
        // "The defence ministry": Russia's, the side the article quotes.
        let body = "Russia said on Tuesday that 1,400 Ukrainian soldiers had surrendered. The defence ministry said 300 had surrendered overnight."
        #expect(speakers(body) == ["Russian Ministry of Defence", "Russian Ministry of Defence"])
        // About something else, or of the other side: the country stays.
        #expect(speakers("Moscow said 1,400 of its troops had died. Defence Minister Andrei Belousov said the offensive would go on.")
            == ["Russian government"])
        #expect(speakers("Moscow said 1,400 of its troops had died. Ukraine's General Staff said 2,000 Russians had died.")
            == ["Russian government", "Ukrainian General Staff"])
    }

    @Test func aPersonSayingWhatTheirBodyCountedIsTheSpeaker() {
        let text = "Mossad chief David Barnea said in July that the agency estimated that 15,000 Russian soldiers had died."
        #expect(speakers(text) == ["David Barnea"])
        // The body speaks when no person does.
        #expect(speakers("The Pentagon said on Monday that 15,000 Russian soldiers had died, the agency estimated.")
            == ["Pentagon"])
    }

    @Test func aNameAfterTheVerbIsItsSubjectWhenItEndsTheClause() {
        #expect(speakers("At least 4,000 Russian soldiers died near Vuhledar, says Zelensky; 900 were wounded.")
            == ["Volodymyr Zelensky", "Volodymyr Zelensky"])
        #expect(speakers("Its spokesman, Ihor Klymenko, said Russia had lost 4,000 soldiers near Vuhledar.") == ["Ihor Klymenko"])
    }

    @Test func theEnemyOfASpeakerWithoutASideIsThatOfTheVoiceTheArticleQuotes() {
        let text = "The Russian defence ministry said its forces had advanced near Pokrovsk.\n"
            + "Commander Ivan Sidorov said the Kiev regime kept sending reserves. According to him, the enemy lost up to 90 soldiers."
        #expect(keys(text) == ["ukraine military casualties at_most 90"])
    }

    @Test func aCountsOwnerIsItsSource() {
        #expect(speakers("By the General Staff's count, Russia has lost 802,000 troops.") == ["Ukrainian General Staff"])
        #expect(speakers("According to a Reuters tally, at least 95 civilians were killed in Kharkiv in May.") == ["Reuters"])
        #expect(speakers("Mediazona and the BBC's Russian service have identified 88,000 Russian soldiers killed in Ukraine.")
            == ["BBC Russian Service"])
    }

    @Test func aCapitalisedDescriptionIsTheBodyOfTheArticlesParty() {
        let text = "Moscow said 500 Ukrainian soldiers were killed. The Defence Ministry said 300 more had surrendered."
        #expect(speakers(text) == ["Russian Ministry of Defence", "Russian Ministry of Defence"])
        // A body's own name stays its own.
        #expect(speakers("The Kherson Regional Prosecutor's Office said 40 bodies had been exhumed.")
            == ["Kherson Regional Prosecutor's Office"])
    }

    @Test func aParticiplesAsideIsNoSubjectButCitingIsASource() {
        #expect(speakers("Mediazona, working with the BBC, has now confirmed more than 88,000 Russian dead by name.") == ["Mediazona"])
        #expect(speakers("North Korea's troops, by Seoul's reckoning, have lost about 3,000 killed and wounded.")
            == ["South Korean government"])
    }

    @Test func aPassiveVerbsSubjectIsWhatWasSaid() {
        #expect(speakers("According to the UN refugee agency, 6.1 million refugees from Ukraine were recorded in Europe, 5.8 million of them in the EU.")
            == ["UNHCR", "UNHCR"])
        // "quoted as saying": the subject speaks.
        #expect(speakers("The commander, Valery Zaluzhny, was quoted by local media as saying that 9,000 soldiers had died.")
            == ["Valery Zaluzhnyi"])
    }

    @Test func theHeadBeforeOfSpeaks() {
        #expect(speakers("The mayor of the city said 300 civilians had died. Mayor Ivan Fedorov spoke on Monday.") == ["Ivan Fedorov"])
        #expect(speakers("The mayor of Melitopol said 300 civilians had died. Mayor Ivan Fedorov spoke on Monday.") == ["Ivan Fedorov"])
    }

    @Test func genericSourcesStayGeneric() {
        #expect(speakers("Shelling killed six people in the south over the past day, regional officials said.")
            == ["regional authorities"])
        #expect(speakers("Local authorities said four civilians were wounded.") == ["local authorities"])
    }

    @Test func britishVerbsOfEstimating() {
        #expect(speakers("Britain's Defence Intelligence reckons Russia lost 1,400 soldiers a day in May.") == ["UK Ministry of Defence"])
    }

    @Test func misspeltSurnamesMatchByEditDistance() {
        #expect(speakers("General Milli said that 100,000 Russian soldiers have been killed.") == ["Mark Milley"])
        #expect(speakers("General Milio said that 100,000 Russian soldiers have been killed.") == ["Mark Milley"])
        #expect(speakers("General Valerii Zaluzhnyi said 9,000 Ukrainian soldiers had died.") == ["Valery Zaluzhnyi"])
    }

    @Test func aNameTheLexiconLacksIsKeptWithoutItsTitle() {
        #expect(speakers("Defence Minister Olena Hrynchuk said 5,000 Russian soldiers had been killed.") == ["Olena Hrynchuk"])
        #expect(speakers("Some 5,000 Russian soldiers were killed last week, said spokesman Taras Yaremchuk.") == ["Taras Yaremchuk"])
    }

    @Test func outletsAreReportedByNotSpeakers() {
        let told = claims("“You’re looking at well over 100,000 Russian soldiers killed and wounded,” Milley told the BBC.")
        #expect(told.map(\.speaker) == ["Mark Milley"])
        #expect(told.map(\.reportedBy) == ["BBC"])
        let quoted = claims("Around 100,000 Russian soldiers have been killed, General Mark Milley was quoted by the BBC as saying.")
        #expect(quoted.map(\.speaker) == ["Mark Milley"])
        #expect(quoted.map(\.reportedBy) == ["BBC"])
        let relayed = claims("Around 100,000 Russian soldiers have been killed, the BBC reported.")
        #expect(relayed.map(\.speaker) == [nil])
        #expect(relayed.map(\.reportedBy) == ["BBC"])
    }

    @Test func aPronounRefersBack() {
        let he = "Zelensky spoke in Kyiv on Sunday, the president said. He said 31,000 Ukrainian soldiers had been killed."
        #expect(speakers(he) == ["Volodymyr Zelensky"])
        let it = "The Ukrainian General Staff believes that over 139,000 Russian troops have been killed or injured.\nIt only recognizes the deaths of up to 13,000 Ukrainian soldiers."
        #expect(speakers(it) == ["Ukrainian General Staff", "Ukrainian General Staff"])
    }

    @Test func aPronounPrefersTheLastSpeakerToOtherNames() {
        let text = "About 40,000 civilians died, Milley, who advises President Joe Biden, suggested.\n\nHe believes that between 15 and 30 million refugees have fled abroad."
        #expect(speakers(text) == ["Mark Milley", "Mark Milley"])
    }

    @Test func theParagraphsEarlierSpeakerSpeaksOn() {
        let text = "General Milli said, there is a lot of suffering. Between 1.5 and 3 million refugees have been created since the offensive began."
        #expect(speakers(text) == ["Mark Milley"])
    }

    @Test func aQuotationIsByWhoeverItIsAttributedTo() {
        let text = "“Russian losses — the last time I reported on this I said it was over 100,000. I would say it’s well over 100,000 now,” Milley said at a news conference."
        #expect(speakers(text) == ["Mark Milley", "Mark Milley"])
    }

    @Test func aDescriptionRefersToANamedPerson() {
        let text = "About 200,000 soldiers have been killed in the war. Recently the US senior general disclosed this information.\n\nChairman of the Joint Chiefs of Staff, General Mark Milley, spoke in New York."
        #expect(speakers(text) == ["Mark Milley"])
        let country = "In the latest update from Moscow in September, the country had said that 5,937 troops had been killed."
        #expect(speakers(country) == ["Russian government"])
    }

    @Test func aCountrySpeaksForItsGovernment() {
        #expect(speakers("At the same time, Ukraine says that it has killed 4,300 Russian soldiers.") == ["Ukrainian government"])
        #expect(speakers("Ukraine told the UN Security Council that 4,300 Russian soldiers have been killed.") == ["Ukrainian government"])
    }

    @Test func aHeadlineTakesTheSpeakerOfTheSameFigureInItsStory() {
        let text = "Russia has ‘well over’ 100,000 casualties in Ukraine\n\nMilley said Friday that Russia had suffered “significantly more than” 100,000 casualties in Ukraine."
        #expect(speakers(text) == ["Mark Milley", "Mark Milley"])
    }

    @Test func officialsAndAgencies() {
        #expect(speakers("US officials have lately stated that the number of Russian casualties is quickly reaching 200,000.") == ["US officials"])
        #expect(speakers("Western intelligence agencies believe each side has sustained around 150,000 deaths.") == [
            "Western intelligence agencies", "Western intelligence agencies",
        ])
        #expect(speakers("The Institute for the Study of War estimates that 60,000 Russian soldiers have been killed.") == [
            "Institute for the Study of War",
        ])
    }

    @Test func anAcronymInBracketsStandsBetweenNameAndVerb() {
        #expect(speakers("The Center for Strategic and International Studies (CSIS) estimated that 60,000 Russian soldiers had been killed.") == ["CSIS"])
    }

    @Test func aDescriptionOfABodyRefersBack() {
        let text = "The UN human rights monitoring mission said on Friday that 9,000 civilians had been killed. The mission said it had also recorded 16,646 civilians injured."
        #expect(speakers(text) == [
            "OHCHR",
            "OHCHR",
        ])
    }

    @Test func theOfficialsReferBackToTheOfficialsNamed() {
        let text = "U.S. officials said the war had killed many. Russia's military casualties are approaching 300,000, the officials said."
        #expect(speakers(text) == ["US officials"])
    }

    @Test func armiesAndIntelligenceServicesSpeakForTheirInstitutions() {
        #expect(speakers("According to the Ukrainian army, 920 Russian soldiers were killed in the last 24 hours.") == ["Ukrainian General Staff"])
        #expect(speakers("British intelligence said that about two lakh Russian soldiers have been killed or injured.") == ["UK Ministry of Defence"])
    }

    // MARK: Beyond the sentence

    @Test func aSourceNamedInTheNextSentenceThatPointsBack() {
        let text = "More than 9,600 civilians have been killed\nThis is stated in a new report by the UN human rights office."
        #expect(speakers(text) == ["OHCHR"])
    }

    @Test func theSourceTheArticleHasBeenReporting() {
        let text = """
        Russia has lost more than 3,000 soldiers this month, according to the Ukrainian Ministry of Defence.

        As of Friday, 4,120 Russian troops had died since the start of the year.
        """
        #expect(speakers(text) == ["Ukrainian Ministry of Defence", "Ukrainian Ministry of Defence"])
    }

    @Test func aSurnameStandsForTheFullNameGivenBefore() {
        let text = "According to Ragnar Jonsson, an analyst in Reykjavik, Russia lost 1,100 soldiers a day in May. Jonsson said 800 of them died in one region."
        #expect(speakers(text).allSatisfy { $0 == "Ragnar Jonsson" })
    }

    // MARK: Within the sentence

    @Test func anAppositiveStandsBetweenNameAndVerb() {
        #expect(speakers("Yevgeny Prigozhin, the head of the Wagner group, says his force lost more than 20,000 fighters.")
            == ["Yevgeny Prigozhin"])
        #expect(speakers("A spokesperson for the UN human rights office, Liz Throssell, said 12,000 civilians had been killed.")
            == ["Liz Throssell"])
    }

    @Test func theHeadOfAPhraseSpeaksNotThePlaceItIsOf() {
        let text = "The mayor of the port city of Berdiansk says more than 600 civilians have died. Mayor Oleksandr Svidlo said the toll could grow."
        #expect(speakers(text) == ["Oleksandr Svidlo"])
    }

    @Test func aCountryPossessiveTitleRefersToThePersonNamed() {
        let text = "Nearly 9,000 Ukrainian soldiers have been killed, Ukraine's commander-in-chief said on Monday. Valery Zaluzhny spoke at a forum."
        #expect(speakers(text) == ["Valery Zaluzhnyi"])
    }

    @Test func thePossessorOfAnEstimate() {
        #expect(speakers("South Korea's estimate of 1,100 casualties was lower.") == ["South Korean government"])
    }

    @Test func aReportsPublisherAndAnOutletThatCounted() {
        #expect(speakers("A new study by CSIS estimates that 250,000 Russian soldiers have been killed or wounded.") == ["CSIS"])
        let counted = claims("More than 70,000 Russian soldiers have died, according to data analysed by the BBC.")
        #expect(counted.map(\.speaker) == ["BBC"])
        let relayed = claims("More than 70,000 Russian soldiers have died, the BBC reported.")
        #expect(relayed.map(\.speaker) == [nil])
        #expect(relayed.map(\.reportedBy) == ["BBC"])
    }

    @Test func aRelativeClausesAntecedentSpeaks() {
        #expect(speakers("The Russians, who said 5,000 Ukrainian soldiers had surrendered, gave no evidence.") == ["Russian government"])
    }

    @Test func aBodyTheLexiconLacksIsNamedAsWritten() {
        #expect(speakers("According to the Ministry of Internal Affairs, 12 civilians were killed.") == ["Ministry of Internal Affairs"])
        #expect(speakers("The Sumy Regional Prosecutor's Office said 31 civilians had been killed.") == ["Sumy Regional Prosecutor's Office"])
    }

    @Test func aTranscriptLineIsByThePersonNamedBeforeItsColon() {
        let text = """
        Kristen Welker: How many Russian soldiers have been wounded?

        Volodymyr Zelensky: About 500,000 Russian soldiers have been wounded.

        ZELENSKY: We have lost 31,000 soldiers.
        """
        #expect(speakers(text) == ["Volodymyr Zelensky", "Volodymyr Zelensky"])
        #expect(keys(text).last == "ukraine military casualties exact 31000")
        // A place before a colon heads a dateline or a headline: no speaker.
        #expect(speakers("Kharkiv: 12 civilians were killed in the shelling.") == [nil])
    }

    @Test func aBriefingTranscriptsLabelsSayWhoAnswersAndWhoAsks() {
        let text = """
            **PENTAGON PRESS SECRETARY PAT RYDER:** Good afternoon, everyone.

            **Q:** Can I follow up on Russian losses? Officials have said Russia's casualties are over 650,000.

            **GEN. RYDER:** Yes. Our assessment is that Russia has suffered well over 600,000 casualties.
            """
        #expect(speakers(text) == [nil, "Pat Ryder"])
    }

    @Test func aParliamentaryRecordsLabelNamesTheMemberInBracketsOnTheDayItsHeadingGives() {
        let text = """
            Defence questions, Monday 14 July 2025

            Mr Ben Obese-Jecty (Huntingdon) (Con): What assessment has he made of Russian losses?

            The Minister for the Armed Forces (Luke Pollard): Our assessment is that Russia has suffered over 1 million casualties. \
            In May and June, Russian forces sustained an average of 1,100 casualties a day.
            """
        let found = claims(text, published: "2025-07-16")
        #expect(found.map(\.speaker) == ["Luke Pollard", "Luke Pollard"])
        #expect(found.map { $0.statedOn?.description } == ["2025-07-14", "2025-07-14"])
    }

    @Test func aRoundupsHeaderLineNamesWhoWroteThePostUnderIt() {
        // A country's name over a section is no source; a source's line is
        // its name, the person behind it in brackets, the time it wrote.
        let text = """
            UKRAINE — REGIONS

            🔴 Sumy Regional Military Administration (Volodymyr Artiukh), 08:10
            "Over the past day, three people were killed in shelling of the Shostka community."

            🟢 Kursk governor Alexander Khinshtein, 09:45
            "In the region 2 civilians were injured by drones over the day."
            """
        let found = claims(text)
        #expect(found.map(\.speaker) == ["Volodymyr Artiukh", "Alexander Khinshtein"])
        #expect(found.map(key) == ["ukraine civilian killed exact 3/day", "russia civilian wounded exact 2/day"])
    }

    @Test func aRoundupsLabelBeforeAColonIsItsSpeakerForThePostAndItsPronouns() {
        let text = """
            Dnipropetrovsk. Serhiy Lysak, head of the regional military administration, 07:55: "Two people were killed \
            in Nikopol." In another post he said 1,114 civilians had been killed in the region since 2022.

            Ukraine's General Staff: Russia lost 1,130 troops over the past day.

            Ukraine: 1,200 soldiers killed in a week, the ministry says.
            """
        let found = claims(text)
        #expect(found.map(\.speaker).prefix(3) == ["Serhiy Lysak", "Serhiy Lysak", "Ukrainian General Staff"])
        #expect(found.last?.speaker != "Ukrainian government")
        // A roundup is no record: its labels date nothing.
        #expect(found.allSatisfy { $0.statedOn == nil })
    }

    @Test func aCommentarysWeIsItsPublisherOrElseTheWriterItsBylineNames() {
        let note = """
            BALTIC INSTITUTE FOR DEFENCE STUDIES | POLICY BRIEF

            How many have died?

            Ilona Berzina, Senior Fellow

            By our count, Russian forces lost about 1,050 soldiers a day in March.
            Ukrainian losses are harder to judge: we put them at 300,000 casualties.
            """
        #expect(speakers(note) == ["Baltic Institute for Defence Studies", "Baltic Institute for Defence Studies"])
        // What a research body's publication says in its own voice is the
        // body's; a wire service's top line is no such voice.
        let judgements = """
            BALTIC INSTITUTE FOR DEFENCE STUDIES | POLICY BRIEF

            Key judgements
            - Russian forces have sustained about 950,000 casualties since February 2022.
            """
        #expect(speakers(judgements) == ["Baltic Institute for Defence Studies"])
        #expect(speakers("TRIBUNE NEWS SERVICE\n\nTwelve Indian nationals have been killed in Ukraine.") == [nil])
        let column = """
            OPINION

            The numbers nobody agrees on

            By Tariq Haddad

            My own estimate is that around 150,000 soldiers have died on both sides.
            """
        #expect(speakers(column) == ["Tariq Haddad"])
        // A text that does not say who wrote it has no one to be its "we".
        #expect(speakers("By our count, Russian forces lost about 1,050 soldiers a day in March.") == [nil])
        // In a record of who said what, a "we" after a labelled speech is
        // its speaker's, and a hall's name is no byline.
        let record = """
            Defence questions, Monday 14 July 2025

            Westminster Hall

            The Minister for the Armed Forces (Luke Pollard): Our assessment is that Russia has suffered over 1 million casualties.

            We judge that 250,000 of them have been killed.
            """
        #expect(speakers(record) == ["Luke Pollard", "Luke Pollard"])
    }

    @Test func aReportsSourceIsItsOwnerPastWhomItWasGivenToAndAClauseOnIt() {
        #expect(speakers("A classified US intelligence estimate shared with Congress in May put Russian casualties at 250,000.")
            == ["US intelligence"])
        #expect(speakers("A leaked Defense Intelligence Agency assessment, which surfaced online in April, put Russian deaths at 40,000.")
            == ["Defense Intelligence Agency"])
    }

    @Test func anOfficeSetBesideItsHoldersNameIsTheHolder() {
        #expect(speakers("Shelling killed 14 civilians in the region last week, according to the regional governor, Serhiy Lysak.")
            == ["Serhiy Lysak"])
    }

    @Test func wherePostsAreWrittenIsNoOneWhoWritesThem() {
        let text = "\"Houses are being destroyed,\" the governor, Vyacheslav Gladkov, wrote on Telegram. "
            + "Shelling killed one civilian in the Belgorod region, he added."
        #expect(speakers(text) == ["Vyacheslav Gladkov"])
    }

    @Test func aLineEndingInAPassiveVerbOfSayingIsReadToItsEnd() {
        #expect(keys("Share this\n\nTwelve Ukrainian soldiers were killed, officials were quoted") == ["ukraine military killed exact 12"])
    }

    @Test func aQuestionAssertsNoFigure() {
        #expect(keys("Q: Will Russia reach a million casualties?\n\nA: Russian casualties have passed 700,000 already.") == [
            "russia military casualties at_least 700000",
        ])
    }

    @Test func oneWhoSpeaksForABodySpeaksItsFigures() {
        #expect(speakers("A senior Pentagon official told reporters that Russia had suffered 120,000 casualties.") == ["Pentagon"])
    }

    @Test func aNameRightBeforeItsAuxiliaryAndVerbIsTheSubject() {
        let text = "Investigators found 20 bodies near Izium, the press service of the Sumy Regional Prosecutor's Office has said."
        #expect(speakers(text) == ["Sumy Regional Prosecutor's Office"])
    }

    @Test func aNameInsideTheQuotationIsNotWhoSaidIt() {
        let text = """
        The Sumy Regional Prosecutor's Office reported on the exhumations.

        "Under Article 438 of the Criminal Code of Ukraine, 31 civilians were found killed," it said.
        """
        #expect(speakers(text) == ["Sumy Regional Prosecutor's Office"])
    }

    @Test func aFirstNameThatDiffersIsAnotherPerson() {
        // The lexicon's Dmitry Peskov; an Olena Peskov is someone else, a
        // "Dmitri Peskov" the same man.
        #expect(speakers("Analyst Olena Peskov said 5,000 Russian soldiers had been killed.") == ["Olena Peskov"])
        #expect(speakers("Spokesman Dmitri Peskov said 5,000 Ukrainian soldiers had been killed.") == ["Dmitry Peskov"])
    }

    @Test func aSpeakersCiviliansStayWhereTheSpeakerFirstCountedThem() {
        let text = "Governor Ivan Petrov said 31 civilians had been killed in Russia's Kursk region. "
            + "Speaking on Tuesday, Petrov said that 143 civilians had been injured."
        #expect(keys(text) == ["russia civilian killed exact 31", "russia civilian wounded exact 143"])
    }


    @Test func aCountrysBodyWrittenInLowerCaseIsASpeaker() {
        #expect(speakers("Ghana's foreign ministry says at least 14 of its citizens have died fighting for Russia.") == ["Ghana's foreign ministry"])
        // A side's own ministry is the lexicon's.
        #expect(speakers("Russia's defence ministry said 300 Ukrainian soldiers were killed.") == ["Russian Ministry of Defence"])
    }


    @Test func theUNsHumanRightsMissionIsOHCHRHoweverItIsHyphenated() {
        #expect(speakers("The UN's human-rights monitoring mission has verified the deaths of 11,973 civilians.") == ["OHCHR"])
    }


    @Test func aNameGoesOnAfterAnApostrophe() {
        #expect(speakers("Principal Secretary Korir Sing'oei said 12 Kenyans had been killed fighting for Russia.") == ["Korir Sing'oei"])
        #expect(speakers("Colonel Sean O'Brien said 300 Russian soldiers were killed.") == ["Sean O'Brien"])
        #expect(speakers("Principal Secretary Korir Sing\u{2019}oei said 12 Kenyans had been killed fighting for Russia.")
            == ["Korir Sing\u{2019}oei"])
    }


    @Test func monitorsAndRegionalOfficialsOfRealReportingAreKnown() {
        #expect(speakers("Human Rights Watch estimated that 8,000 civilians were killed in Mariupol.") == ["Human Rights Watch"])
        // A governor's side places the civilians he counts.
        #expect(keys("Acting governor Alexei Smirnov said 143 civilians had been injured.") == ["russia civilian wounded exact 143"])
    }

    @Test func aCountryWhoseCitizensServedInRussiasArmyCountsThem() {
        let text = "Ministry of External Affairs spokesperson Randhir Jaiswal said 14 Indian nationals who joined the Russian army had been killed. The MEA said 9 were missing."
        #expect(keys(text) == ["russia military killed exact 14", "russia military missing exact 9"])
        #expect(speakers(text) == ["Randhir Jaiswal", "Indian Ministry of External Affairs"])
    }

    @Test func aCapitalStandsForItsSide() {
        #expect(keys("South Korea's spy agency said Pyongyang had lost about 1,500 soldiers.") == [
            "russia military casualties approximately 1500",
        ])
    }

    @Test func anOfficialOfABodyInAFieldSpeaksForIt() {
        let text = "A senior Nato military official estimated on Wednesday that between 6,000 and 14,000 Russian soldiers had been killed."
        #expect(speakers(text) == ["NATO"])
    }

    @Test func aPlacesLocalBodyTheLexiconLacksIsASpeaker() {
        let text = "Izium city council says about 200 people are feared to have died in the strike on the market last week."
        #expect(speakers(text) == ["Izium city council"])
        #expect(keys(text) == ["ukraine civilian killed approximately 200"])
    }

    @Test func aTranslatedVerbOfSayingAndAForeignAcronym() {
        let text = """
            The acting governor of the region of Bryansk, Alexander Bogomaz, communicated that 3 civilians died and 5 were injured. \
            The agency of the ONU for the refugees (ACNUR) counts 6,2 millions of ukrainian refugees in Europe.
            """
        #expect(keys(text) == [
            "russia civilian killed exact 3", "russia civilian wounded exact 5", "ukraine civilian refugees exact 6200000",
        ])
        #expect(speakers(text) == ["Alexander Bogomaz", "Alexander Bogomaz", "UNHCR"])
    }

    @Test func aNameThatOpensTheClauseSaidIsNoSpeaker() {
        // "said Russia had suffered": Russia is what was said of, and the
        // update refers back to its publisher, as "it" does.
        let text = """
            Britain's Ministry of Defence released its monthly intelligence update. \
            The update, published on Monday on X, said Russia had suffered around 410,000 casualties in 2024.
            """
        #expect(speakers(text) == ["UK Ministry of Defence"])
    }

    @Test func aSpeakerBeforeAnEstimatingParticiple() {
        let text = "With Western officials estimating that Russian casualties have topped 900,000, the Kremlin needs recruits."
        #expect(speakers(text) == ["Western officials"])
    }

    static let interview = """
        Oksana Stepaniuk has led the families' association of missing soldiers since 2023. We spoke to her in Lviv.

        How many soldiers are missing?

        Our register lists about 48,000 missing soldiers. Nobody knows how many are alive.

        Kyiv says 3,000 prisoners have come home this year. Is that right?

        It is close. Since 2022 more than 2,100 missing soldiers have been confirmed killed.
        """

    @Test func anInterviewsAnswersAreTheIntervieweesAndItsQuestionsCiteOthers() {
        #expect(speakers(AttributionTests.interview) == ["Oksana Stepaniuk", "Ukrainian government", "Oksana Stepaniuk"])
    }

    @Test func questionsAsAnExplainersHeadingsMakeNoInterview() {
        let explainer = """
            Estimates of the dead differ widely. Mediazona has counted the most carefully.

            How many Russian soldiers have died?

            More than 150,000 Russian soldiers have died, Mediazona says. Its count grows each week.

            How many Ukrainians?

            Nobody outside Kyiv knows. Some 60,000 Ukrainian soldiers have been killed, by one estimate.
            """
        #expect(speakers(explainer) == ["Mediazona", "Mediazona"])
    }

    @Test func aBodyATextHasNamedAPartOfMeansThatPart() {
        let text = """
            The Office of the UN High Commissioner for Human Rights recorded 27,149 civilian casualties.

            In the first ten days of September, the number of civilian casualties, according to the UN, amounted to 292.
            """
        #expect(speakers(text) == ["OHCHR", "OHCHR"])
        // With no part named, or two, the body is the body (but see
        // aCivilianTollTheUNReportsIsOHCHRs).
        #expect(speakers("According to the UN, 2,000 Ukrainians have fled to Moldova.") == ["United Nations"])
        let two = """
            UNHCR counts 6 million refugees, and OHCHR 12,000 civilians killed.

            According to the U.N., 20,000 more Ukrainians fled in September.
            """
        #expect(speakers(two).last == "United Nations")
        // The spellings of "UN" open the same names.
        #expect(speakers("At least 196 civilians were killed in April, the United Nations human rights monitoring mission said.") == ["OHCHR"])
    }

    @Test func aBodyInAPlaceSpeaksNotThePlace() {
        #expect(speakers("The Center for Strategic and International Studies in Washington estimated that Russia had suffered close to 950,000 casualties.")
            == ["CSIS"])
        #expect(speakers("A study by CSIS, a think-tank in Washington, puts Russian casualties at nearly 950,000.") == ["CSIS"])
        #expect(speakers("The Center for Strategic and International Studies (CSIS), a Washington think tank, estimated that Russia had suffered 950,000 casualties.")
            == ["CSIS"])
        #expect(speakers("One estimate comes from the Center for Strategic and International Studies (CSIS) in Washington, which said Russian casualties were nearing 1.2 million.")
            == ["CSIS"])
        // Officials in a place are still that place's.
        #expect(speakers("Officials in Washington estimated that Russia had suffered 950,000 casualties.") == ["US government"])
    }

    @Test func aPlaceBeforeAnUnclosedAppositiveIsNoSpeaker() {
        #expect(speakers("Ukrainian forces killed 180 Russian soldiers near Vuhledar, a military spokesman said.") == [nil])
    }

    @Test func officialsTheSentenceLeavesUnnamedBorrowNoEarlierSource() {
        // Nor does the civilians' side follow the earlier source's.
        let text = """
            Moscow says it has captured 400 Ukrainian soldiers.

            The death toll from the strike on Zaporizhzhia rose to 31, with 60 injured, officials said Monday.
            """
        #expect(speakers(text) == ["Russian government", nil, nil])
        #expect(keys(text).suffix(2) == ["ukraine civilian killed exact 31", "ukraine civilian wounded exact 60"])
        // In the paragraph that named them, the officials are that source's.
        let paragraph = "Ukraine says at least eight people were killed in the strike. Officials say more than a dozen others were wounded."
        #expect(speakers(paragraph) == ["Ukrainian government", "Ukrainian government"])
    }

    @Test func theOfficialsAreTheGroupOfOfficialsNamedBefore() {
        let text = """
            The war's toll is nearing 450,000 killed or wounded, U.S. officials told reporters on Thursday.

            Moscow understates its losses, they said, and Kyiv does not disclose its own.

            Russia's military casualties are approaching 260,000, according to the officials.
            """
        #expect(speakers(text) == ["US officials", "US officials"])
    }

    @Test func aVerbOfSayingInsideABodysNameIsTheName() {
        // "State" in "the State Border Guard Service" says nothing.
        let text = """
            Statement by the Ukrainian Parliament Commissioner for Human Rights on the exchange

            Among those freed are servicemen of the National Guard, the State Border Guard Service and the navy.

            In total, 5,990 Ukrainians have now been returned from captivity.
            """
        #expect(speakers(text) == ["Ukrainian Parliament Commissioner for Human Rights"])
    }

    @Test func anOfficialOfAGovernmentIsItsOfficials() {
        let text = "A senior US defence official put Moscow's casualties at about 800,000 in a briefing."
        #expect(speakers(text) == ["US officials"])
    }

    @Test func anInfinitivesSubjectIsItsClauses() {
        let text = "In July, Meduza and Mediazona used probate records to estimate that about 110,000 Russian soldiers had been killed."
        #expect(speakers(text) == ["Mediazona"])
    }

    @Test func aBodysReportIsItsEvenAfterAParticiple() {
        // The body's name and the report's noun share a word.
        #expect(speakers("A U.S. intelligence assessment put Russian casualties at 290,000.") == ["US intelligence"])
        #expect(speakers("A U.S. intelligence assessment declassified in December put Russian casualties at 290,000.") == [
            "US intelligence",
        ])
    }

    @Test func anAsideOfTimeOrPlaceBeforeTheVerbIsNoSubject() {
        let text = "The UN Human Rights Monitoring Mission in Ukraine (HRMMU), in a report published in Kyiv, said it had verified 9,000 civilian deaths."
        #expect(speakers(text) == ["OHCHR"])
    }

    @Test func whomAReportCitesAsSayingSpeaks() {
        let text = "In May, the newspaper cited unnamed US officials as saying Ukraine had lost up to 60,000 troops killed."
        #expect(speakers(text) == ["US officials"])
    }

    @Test func aRelativeWhoAfterANameTheLexiconLacksIsThatPerson() {
        let text = "ISW pointed to a post by military blogger Pavel Sokolov, who wrote that 12,000 Russian troops had been killed near the town."
        #expect(speakers(text) == ["Pavel Sokolov"])
    }

    @Test func aSidesGeneralStaffIsThatSides() {
        #expect(speakers("Russia's General Staff said Ukraine had lost 1,200 soldiers over the past day.") == [
            "Russian Ministry of Defence",
        ])
    }

    @Test func aTitleWithASideIsThatSidesBearer() {
        #expect(speakers("Trump spoke on Sunday. The Ukrainian president said 41,000 Ukrainian soldiers had been killed.") == [
            "Volodymyr Zelensky",
        ])
    }

    @Test func hePicksUpThePersonTheSentenceBeforeOpensWith() {
        let text = """
            Trump said on Sunday that the war had to end.

            Hours later, the Ukrainian president gave a rare figure. Since 2022, he said, 42,000 Ukrainian soldiers had been killed.
            """
        #expect(speakers(text) == ["Volodymyr Zelensky"])
    }

    @Test func aTranslationsSpeakerAfterAsAndANameWithoutItsArticle() {
        let text = "Meanwhile as informs the Ministry of Defence of Russian Federation, for the day losses of the Ukrainian army made up to 1,235 servicemen."
        #expect(keys(text) == ["ukraine military casualties at_most 1235/day"])
        #expect(speakers(text) == ["Russian Ministry of Defence"])
    }

    @Test func withReferenceToASourceNamesIt() {
        let text = "As informed the agency with reference to the General Staff of Armed Forces of Ukraine, Russia lost 1,480 soldiers for the last day."
        #expect(speakers(text) == ["Ukrainian General Staff"])
    }

    @Test func byTheEstimatesOfASourceNamesIt() {
        #expect(speakers("By the estimates of the Pentagon, Russia lost 120,000 soldiers killed and wounded.") == ["Pentagon"])
    }

    @Test func aPartysMinistryByItsPossessiveOrItsCapitalisedDescription() {
        let its = "Moscow does not disclose its own casualties. Its Defense Ministry claimed that Ukraine had lost up to 1,375 troops over the past day."
        #expect(speakers(its) == ["Russian Ministry of Defence"])
        let described = """
            Russia's Defence Ministry said on Friday that Ukraine lost 1,240 servicemen. On Saturday, the Ministry of Defence reported that Ukraine lost more than 8,600 servicemen in the week.
            """
        #expect(speakers(described) == ["Russian Ministry of Defence", "Russian Ministry of Defence"])
    }

    @Test func aTranslationsImpersonalReportNamesTheBodyItWasReportedIn() {
        let text = "The AFU lost up to 1,325 servicemen over the past day, it was reported on Saturday in the Ministry of Defence of the Russian Federation."
        #expect(speakers(text) == ["Russian Ministry of Defence"])
        let place = "A senior official, speaking on condition of anonymity, told reporters in Brussels that Russia had lost 700,000 soldiers."
        #expect(speakers(place) == [nil])
    }

    @Test func anAppositiveThatIsANameIsTheSubject() {
        let milley = "The chairman of the US Joint Chiefs of Staff, General Mark Milley, said that Russia had suffered 120,000 casualties."
        #expect(speakers(milley) == ["Mark Milley"])
        let unknown = "Norway's defense chief, Gen. Eirik Kristoffersen, estimated that 180,000 Russian soldiers had been killed or wounded."
        #expect(speakers(unknown) == ["Eirik Kristoffersen"])
    }

    @Test func figuresProvidedToOneByAnotherAreTheGiversCount() {
        let text = "According to figures provided to Human Rights Watch by the Kherson regional military administration, drones killed at least 212 civilians."
        #expect(speakers(text) == ["Kherson regional military administration"])
    }

    @Test func aPageLineOfPipesWithADateAndATimeNamesNoSource() {
        let text = """
            News | 11.06.2023 | 18:20

            Another 95 Ukrainian soldiers returned home from Russian captivity.
            """
        #expect(speakers(text) == [nil])
    }
    @Test func anIndefinitePronounIsNoSpeaker() {
        #expect(speakers("Tens of thousands of Ukrainian soldiers are missing. Nobody says 40,000 Ukrainian soldiers were killed.")
            .allSatisfy { $0 != "Nobody" })
    }
    @Test func aCivilianTollTheUNReportsIsOHCHRs() {
        #expect(speakers("The United Nations says at least 10,582 civilians have been killed and 19,875 wounded in Ukraine.")
            == ["OHCHR", "OHCHR"])
        // Refugees it reports stay the UN's.
        #expect(speakers("According to the United Nations, more than 800,000 civilians have fled Ukraine.") == ["United Nations"])
    }
    @Test func aListRowsClosingBracketNamesItsSource() {
        #expect(speakers("• 5.7 million — refugees from Ukraine recorded globally (UNHCR).") == ["UNHCR"])
        // The place in a figure's noun is no subject of the participle after it.
        #expect(speakers("There are 5.7 million refugees from Ukraine recorded in Europe.") == [nil])
    }
    @Test func aVerbOfSayingWithACopulaAfterItIsANoun() {
        #expect(speakers("Independent counts are far higher: about 125,000 Russian soldiers have died.") == [nil])
        #expect(speakers("Ukraine's estimates are higher: about 125,000 Russian soldiers have died.") == ["Ukrainian government"])
    }
    @Test func aNameJoinedToAParticipleIsAModifier() {
        #expect(speakers("A Washington-based think tank estimated that 75,000 Russian soldiers had been killed.") == [nil])
        #expect(speakers("Kremlin-backed officials said 75 civilians had been killed in Donetsk.") != ["Russian government"])
    }
    @Test func estimatesAFigureIsComparedWithAreAnotherPartys() {
        let text = "President Volodymyr Zelensky revealed on Sunday that 31,000 Ukrainian soldiers have been killed, "
            + "a figure far below estimates by Western intelligence agencies."
        #expect(speakers(text) == ["Volodymyr Zelensky"])
        // An estimate with its own figure keeps its source.
        #expect(speakers("Zelensky unveiled the figure, far above South Korea's estimate of around 1,100 North Korean casualties.")
            == ["South Korean government"])
    }
    @Test func aPassiveVerbsAgentAfterItsDateSpeaks() {
        let text = "The most detailed estimate was published on Monday by the Center for Strategic and International Studies. "
            + "It calculated that Russia has suffered close to 950,000 casualties."
        #expect(claims(text).map { "\($0.speaker ?? "-") \($0.statedOn?.iso ?? "-")" } == ["CSIS 2013-02-11"])
    }
    @Test func aDescriptionIsTheNearestBodyWhoseNameHasItsNoun() {
        let text = "Some 87,000 refugees from Ukraine have been registered in Lithuania, the Migration Department said. "
            + "According to the department, 48,350 Ukrainians hold temporary protection in the country."
        #expect(speakers(text) == ["Migration Department", "Migration Department"])
    }
    @Test func whatIsRecordedAsSomethingIsNoSpeaker() {
        #expect(speakers("About 7.8 million Ukrainians are recorded as refugees across Europe, according to UNHCR.") == ["UNHCR"])
        #expect(speakers("Zaluzhny was quoted by the media as saying that 9,000 Ukrainian soldiers had been killed.")
            == ["Valery Zaluzhnyi"])
    }
    @Test func aPassiveVerbsAgentPastAnAdverbSpeaks() {
        #expect(speakers("They are a small share of the 6.3 million refugees from Ukraine recorded globally by UNHCR.") == ["UNHCR"])
    }
    @Test func aDescriptionDoesNotReferBackToWhatAPrepositionGoverns() {
        let text = "The Ministry of Defense of Ukraine noted that December is on course to become the costliest month for the Russian army. "
            + "Russian losses this month have averaged 1,046 a day, the ministry said."
        #expect(claims(text).map { "\($0.speaker ?? "-") \($0.statedOn?.iso ?? "-")" } == ["Ukrainian Ministry of Defence -"])
    }
    @Test func whomAVerbOfTellingTakesSaysNothing() {
        let text = "Volodymyr Zelensky broke with that custom this month, telling an American interviewer that "
            + "more than 46,000 Ukrainian soldiers had been killed."
        #expect(speakers(text) == ["Volodymyr Zelensky"])
    }
    @Test func aSurnameTheTextGaveInFullIsThatPersonNotACloseLexiconName() {
        let text = "The toll rose to 26, regional Gov. Yuriy Malashko said Monday. "
            + "At least 61 people were wounded, 11 of them children, Malashko said."
        #expect(speakers(text) == ["Yuriy Malashko", "Yuriy Malashko", "Yuriy Malashko"])
        #expect(speakers("Marochko said 40 Ukrainian soldiers had been killed.") == ["Andrei Marochko"])
    }
    @Test func aBodysNameHoldsNoDayAndNoPerson() {
        #expect(speakers("On Thursday the General Staff reported 1,030 Russian personnel losses.") == ["Ukrainian General Staff"])
        #expect(speakers("Chief of the General Staff of the Russian Armed Forces Valery Gerasimov said Ukraine lost 2,000 troops.")
            == ["Valery Gerasimov"])
        #expect(speakers("In March the Kharkiv Regional Prosecutor's Office said 40 civilians were killed.")
            == ["Kharkiv Regional Prosecutor's Office"])
    }
    @Test func accordingToTakesThePersonPastTheWordsOfAnOffice() {
        #expect(speakers("According to Ukraine's Prosecutor General Andriy Kostin, 500 children were killed.") == ["Andriy Kostin"])
        #expect(speakers("According to Donetsk People's Republic Human Rights Commissioner Darya Morozova, 142 civilians were killed.")
            == ["Darya Morozova"])
    }
    @Test func aFullNameBeforeAnAppositiveSpeaksPastAnOpeningPhrase() {
        let text = "Speaking in Milan last week, Matviy Bidnyi, Ukraine's minister of youth and sports, "
            + "said that more than 650 Ukrainian athletes had been killed."
        #expect(speakers(text) == ["Matviy Bidnyi"])
    }
    @Test func aFullNameWithATitleBesideItIsWhomAPronounTakesUp() {
        let text = "Among them was Mamuka Mamulashvili, commander of the Georgian Legion. "
            + "Speaking after the ceremony, he said that at least 56 Georgian citizens had been killed fighting for Ukraine."
        #expect(speakers(text) == ["Mamuka Mamulashvili"])
        // A place before a title heading a name is no person.
        #expect(speakers("In Donetsk Oblast, Governor Vadym Filashkin said that 5 civilians had been killed.") == ["Vadym Filashkin"])
    }
    @Test func thePresidentsOfficeIsABodyOfItsOwn() {
        #expect(speakers("Ukraine's presidential office said Friday that at least six civilians had been killed over the previous 24 hours.")
            == ["Office of the President of Ukraine"])
    }
    @Test func aEuropeanIntelligenceOfficialIsAGenericSource() {
        let text = "A senior European intelligence official, who spoke on condition of anonymity to discuss classified material, "
            + "put Russia's dead at between 115,000 and 160,000."
        #expect(speakers(text) == ["European intelligence officials"])
    }
    @Test func refugeesTheUNReportsAfterItsMonitorsAreTheUNs() {
        let text = "OHCHR recorded 227 civilian deaths in Ukraine. "
            + "According to the United Nations, more than 800,000 civilians have so far fled Ukraine."
        #expect(speakers(text) == ["OHCHR", "United Nations"])
    }
}
