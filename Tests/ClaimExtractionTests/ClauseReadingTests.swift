import Testing
@testable import ClaimExtraction

/// How a sentence's clauses decide whose losses a figure counts, of whom,
/// of what kind, how hedged and at what rate, on sentences written for
/// these tests.
@Suite struct ClauseReadingTests {
    // MARK: Whose losses

    @Test func aPartAmongThemCountsTheLossBeforeIt() {
        #expect(keys("The minister said 28 people had been killed, among them three children, and 90 wounded.")
            == ["ukraine civilian killed exact 28", "ukraine civilian killed exact 3", "ukraine civilian wounded exact 90"])
    }

    @Test func aPartOrAnAverageBesideAFigureCountsWhatItDoes() {
        #expect(keys("Monitors counted 4,100 civilians killed, including 310 children, and 9,800 injured, including 640 children.")
            == ["ukraine civilian killed exact 4100", "ukraine civilian killed exact 310",
                "ukraine civilian wounded exact 9800", "ukraine civilian wounded exact 640"])
        #expect(keys("In May, Russia lost 28,400 soldiers, the ministry said, an average of about 916 a day.")
            == ["russia military casualties exact 28400", "russia military casualties approximately 916/day"])
    }

    @Test func menAreSoldiersUnlessAnAttackKilledThemOrWomenStandBeside() {
        #expect(keys("The army said Russia had lost up to 640 men near Kupiansk.") == ["russia military casualties at_most 640"])
        #expect(keys("Russia is losing some 1,100 men a day.") == ["russia military casualties approximately 1100/day"])
        #expect(keys("A drone strike killed three men in Nikopol.") == ["ukraine civilian killed exact 3"])
        #expect(keys("Of those killed, 14 were men and 9 were women.")
            == ["ukraine civilian killed exact 14", "ukraine civilian killed exact 9"])
        // A force's size is no loss.
        #expect(keys("Analysts said a Russian force of 30,000 men was sent to the front.") == [])
    }

    @Test func aPeriodBeforeCoordinatedFiguresHoldsForEach() {
        #expect(keys("Over the past day alone the Russian army lost up to 80 killed and 140 wounded near Toretsk.")
            == ["russia military killed at_most 80/day", "russia military wounded at_most 140/day"])
    }

    @Test func whomAnAttackKilledAreCivilians() {
        #expect(keys("Four killed by Ukrainian shelling, the governor says") == ["russia civilian killed exact 4"])
        #expect(keys("Six were wounded in a Russian drone attack on Kharkiv.") == ["ukraine civilian wounded exact 6"])
        let quoted = "Moscow said it had freed 84 prisoners. Days of Russian missile strikes on Ukraine, which killed 15 people, followed."
        #expect(keys(quoted) == ["russia military captured exact 84", "ukraine civilian killed exact 15"])
        #expect(keys("Ukraine's cross-border incursion into the Bryansk region has killed 14 civilians, the governor said.")
            == ["russia civilian killed exact 14"])
        #expect(keys("Russia's invasion has killed more than 11,000 civilians.") == ["ukraine civilian killed at_least 11000"])
        // A figure with no noun, the object of an attack's loss verb.
        #expect(keys("Russian attack on Kharkiv kills 1, injures 12") == ["ukraine civilian killed exact 1", "ukraine civilian wounded exact 12"])
        #expect(keys("A Ukrainian attack on Belgorod killed three.") == ["russia civilian killed exact 3"])
        // Soldiers named, or an attack in another clause, change nothing.
        #expect(keys("A Ukrainian drone strike killed 40 Russian soldiers.") == ["russia military killed exact 40"])
        #expect(keys("Kyiv's forces suffered some 900 killed or wounded, not counting those hit by airstrikes.")
            == ["ukraine military casualties approximately 900"])
    }

    @Test func aFigureInWordsEndsThePredicateBeforeIt() {
        #expect(keys("The governor said two civilians had been killed and five wounded in Izium.")
            == ["ukraine civilian killed exact 2", "ukraine civilian wounded exact 5"])
        #expect(keys("Eight civilians were killed and 31 injured every single day.").contains("ukraine civilian wounded exact 31/day"))
        // The members of an age are ages.
        #expect(!keys("Among the 17 injured were three children, aged 4, 9 and 15.").contains { $0.hasSuffix(" 15") })
    }

    @Test func footnotesSpansOfDaysAndPartsOfASide() {
        #expect(keys("A milblogger claimed that Russian forces lost up to 2,000 personnel killed near Toretsk.[14]")
            == ["russia military killed at_most 2000"])
        // A note's number glued to the full stop, or to a count ending the line.
        #expect(keys("CSIS estimates that Russia has suffered 250,000 killed.1 No power has suffered as much.")
            == ["russia military killed exact 250000"])
        // A marker in brackets ends its sentence: the next one's place is its own.
        #expect(keys("Monitors had verified 11,200 civilian deaths by June.[8] In Russia, 210 civilians were killed.")
            == ["ukraine civilian killed exact 11200", "russia civilian killed exact 210"])
        // A list of contents numbers its sections, in sequence.
        #expect(keys("Contents\n1 Losses of the armies\n1.1 Russian forces\n2 Civilian deaths\n3 Refugees\n\nThe war went on.").isEmpty)
        #expect(keys("In December, Russia's average daily casualties topped 1,500.6\n\nThe war went on.")
            == ["russia military casualties at_least 1500/day"])
        #expect(keys("Special forces said they had killed 18 Russian soldiers in fighting near Sudzha on Dec. 20-21.")
            == ["russia military killed exact 18"])
        #expect(keys("Moscow said 80 civilians were killed. In return, Russia received the bodies of 24 of its servicemen.")
            == ["russia civilian killed exact 80", "russia military killed exact 24"])
        #expect(keys("N. Korean troops suffered 3,100 casualties, the spy agency said.") == ["russia military casualties exact 3100"])
        #expect(keys("Ukraine received the bodies of 757 fallen defenders.") == ["ukraine military killed exact 757"])
    }

    @Test func bothSidesTogetherExecutionsAndTheAttackerPastAVerbOfSaying() {
        #expect(keys("Perhaps 300,000 men on both sides have died.") == ["both military killed exact 300000"])
        #expect(keys("Russia lost 2,000 troops in all sectors of the front.") == ["russia military casualties exact 2000"])
        #expect(keys("At least 24 Ukrainian prisoners of war were executed after surrendering.")
            == ["ukraine military killed at_least 24"])
        #expect(keys("Ukrainian officials said Russian shelling killed nine people in Kupiansk.") == ["ukraine civilian killed exact 9"])
    }

    @Test func aSentencesOpeningTopicAndCombinedFiguresOfBothSides() {
        #expect(keys("For Russia, the figures are 150,000 to 190,000 total casualties.")
            == ["russia military casualties range 150000-190000"])
        #expect(keys("The institute put combined military casualties on both sides at roughly 900,000.")
            == ["both military casualties approximately 900000"])
    }

    @Test func numbersInWordsAsReportersWriteThem() {
        #expect(keys("At least two dozen people were killed when a missile hit Kharkiv.") == ["ukraine civilian killed at_least 24"])
        #expect(keys("About a quarter of a million Ukrainians have registered as refugees in Britain.")
            == ["ukraine civilian refugees approximately 250000"])
        #expect(keys("Three quarters of a million Ukrainians fled to Poland as refugees.") == ["ukraine civilian refugees exact 750000"])
        // An age said of the dead is no count of them.
        #expect(keys("The average age of those killed was about thirty-five.") == [])
    }

    @Test func aFigureNounCountsTheLossTheSentenceNamed() {
        #expect(keys("Counting the Russian soldiers killed since 2022, the magazine came up with an estimate of 70,000 to 90,000.")
            == ["russia military killed range 70000-90000"])
    }

    @Test func headlineVerbsAndPeriodsOfADay() {
        #expect(keys("Russian strikes kill 7, injure 30 across Ukraine").contains("ukraine civilian wounded exact 30"))
        #expect(keys("Moscow said Ukrainian forces had lost up to 310 servicemen during the previous day.")
            == ["ukraine military casualties at_most 310/day"])
    }

    @Test func aRunningTotalAfterADailyFigure() {
        #expect(keys("Russia lost 1,050 soldiers over the past day, bringing the total since the start of the full-scale invasion to 912,000.")
            == ["russia military casualties exact 1050/day", "russia military casualties exact 912000"])
        #expect(keys("Russia lost 980 personnel over the previous 24 hours, bringing its total since February 24, 2022, to 801,330.")
            == ["russia military casualties exact 980/day", "russia military casualties exact 801330"])
    }

    @Test func aFigureAddedToATotalCountsWhatTheTotalDoes() {
        #expect(keys("Russia's losses, the General Staff said, stood at 1,264,310, adding 1,040 over the previous 24 hours.") == [
            "russia military casualties exact 1264310", "russia military casualties exact 1040/day",
        ])
        #expect(keys("Moscow said Ukrainian forces had lost more than 1,500 servicemen in the final 24 hours of the battle.") == [
            "ukraine military casualties at_least 1500/day",
        ])
    }

    @Test func aSourceSayingSoBetweenTheSubjectAndItsVerb() {
        #expect(keys("Ukrainian losses, Moscow says, exceed 500,000.") == ["ukraine military casualties at_least 500000"])
        #expect(keys("Civilian deaths in Kharkiv, the governor said, rose to 120 last year.") == ["ukraine civilian killed exact 120"])
    }

    @Test func aFurtherFigureIsOfTheVerbsLoss() {
        #expect(keys("Russia lost another 980 soldiers over the past day.") == ["russia military casualties exact 980/day"])
        #expect(keys("Russia continued to lose 900 soldiers a day.") == ["russia military casualties exact 900/day"])
        #expect(keys("Ukrainian drones killed an additional 45 Russian troops.") == ["russia military killed exact 45"])
    }

    @Test func prisonersHeldAndReturnedFromCaptivity() {
        #expect(keys("The ombudsman said Russia detains more than 7,000 Ukrainian servicemen.")
            == ["ukraine military captured at_least 7000"])
        #expect(keys("Since 2022, 4,100 Ukrainians have returned from captivity.") == ["ukraine military captured exact 4100"])
        // A figure's own loss noun says whom, before the next figure's.
        #expect(keys("Moscow still holds more than 6,500 Ukrainian prisoners of war and 14,000 civilians.") == [
            "ukraine military captured at_least 6500", "ukraine civilian captured at_least 14000",
        ])
        // People set beside the figure's, between commas, do not end the clause.
        #expect(keys("More than 9,000 Ukrainians, soldiers and civilians alike, remain in Russian captivity.")
            == ["ukraine military captured at_least 9000"])
    }

    @Test func eachOfTwoSidesActingIsOneFigurePerSide() {
        #expect(keys("Russia and Ukraine each freed 84 prisoners of war on Friday.").sorted()
            == ["russia military captured exact 84", "ukraine military captured exact 84"])
    }

    @Test func whoAFigureCountsMayFollowACopula() {
        #expect(keys("Of those killed in May, 23 were children.") == ["ukraine civilian killed exact 23"])
    }

    @Test func civiliansCountedByTheirPlacesOfficialAreItsSides() {
        #expect(keys("The Bryansk Region's acting governor said that 12 civilians had been killed.")
            == ["russia civilian killed exact 12"])
        #expect(keys("Belgorod governor Ivan Sidorov said four civilians were wounded.") == ["russia civilian wounded exact 4"])
        #expect(keys("The Kharkiv governor said four civilians were wounded.") == ["ukraine civilian wounded exact 4"])
    }

    @Test func anAsideAfterAFigureAloneIsNotItsPredicate() {
        #expect(keys("Russian casualties had risen to around 900,000, with daily losses averaging over 1,000.")
            == ["russia military casualties approximately 900000", "russia military casualties at_least 1000/day"])
        // The comma that closes an aside opened inside a group of figures.
        #expect(keys("More than 9,000 civilians, including over 500 children, have been killed.")
            == ["ukraine civilian killed at_least 9000", "ukraine civilian killed at_least 500"])
    }

    @Test func theDayOfTheAttacksASpeakerNamesIsTheirs() {
        #expect(keys("The police said Monday's strikes killed 20 people nationwide and wounded 108.")
            == ["ukraine civilian killed exact 20/day", "ukraine civilian wounded exact 108/day"])
        // The day right after the verb of saying is the saying's.
        #expect(keys("The ministry said on Friday its forces had inflicted losses of up to 1,430 servicemen on Ukrainian units.")
            == ["ukraine military casualties at_most 1430"])
    }

    @Test func bodiesPulledFromRubbleAreCivilians() {
        #expect(keys("Rescuers pulled two more bodies from the rubble of an apartment building.") == ["ukraine civilian killed exact 2"])
    }

    @Test func oneAttacksTollIsNoDailyFigure() {
        #expect(keys("A Russian missile strike on Odesa on Thursday killed 14 people.") == ["ukraine civilian killed exact 14"])
        #expect(keys("The strike of 9 May 2024 on a market in Kharkiv killed 19 civilians.") == ["ukraine civilian killed exact 19"])
        #expect(keys("A Russian guided bomb killed four people and injured 19 on Monday.")
            == ["ukraine civilian killed exact 4", "ukraine civilian wounded exact 19"])
    }

    @Test func aTallyOfOneDayIsADailyFigure() {
        #expect(keys("Russian drones killed three people and injured 14 on Tuesday, the governor said.")
            == ["ukraine civilian killed exact 3/day", "ukraine civilian wounded exact 14/day"])
        #expect(keys("Shelling killed four people and wounded at least 19 over the previous day, officials said.")
            == ["ukraine civilian killed exact 4/day", "ukraine civilian wounded at_least 19/day"])
        #expect(keys("Russian drone and missile strikes on Odesa on Thursday killed 14 people.") == ["ukraine civilian killed exact 14/day"])
        #expect(keys("Monday's barrage killed 43 civilians.") == ["ukraine civilian killed exact 43/day"])
        // The day of the statement, of a handover, or a bound of a period is not the tally's.
        #expect(keys("At least 40 civilians were killed and 95 injured in March, the mission said on Friday.")
            == ["ukraine civilian killed at_least 40", "ukraine civilian wounded at_least 95"])
        #expect(keys("Kyiv received the bodies of 900 fallen soldiers on Friday.") == ["ukraine military killed exact 900"])
        #expect(keys("Russian strikes have killed 75 civilians since Monday.") == ["ukraine civilian killed exact 75"])
        #expect(keys("Kyiv said on Thursday that Russia had lost 1,100 soldiers.") == ["russia military casualties exact 1100"])
    }

    @Test func theClausesSubjectIsTheSufferer() {
        #expect(keys("Ukraine, by contrast, has suffered between 60,000 and 70,000 casualties, the analysts said.")
            == ["ukraine military casualties range 60000-70000"])
        #expect(keys("Russia has around 12,000 of its forces dead, the official said.")
            == ["russia military killed approximately 12000"])
        // A side called a side, and its losses in people, are its soldiers.
        #expect(keys("He said the Ukrainian side had reportedly lost 90 thousand people since June.")
            == ["ukraine military casualties exact 90000"])
        #expect(keys("The figure for the Ukrainians is about 70,000 dead, US officials said.")
            == ["ukraine military killed approximately 70000"])
    }

    @Test func aFigureNounForASide() {
        #expect(keys("The figure for the Ukrainians is 70,000, while Russian losses are beginning to approach 300,000.")
            == ["ukraine military casualties exact 70000", "russia military casualties nearly 300000"])
        // Equipment counted by a figure noun is still equipment.
        #expect(keys("Russia lost three tanks, taking the total number of the vehicles lost to 5,523.") == [])
    }

    @Test func aPossessiveOrALossNounNamesTheSide() {
        #expect(keys("Russian losses are beginning to approach 250,000, a Western official said.")
            == ["russia military casualties nearly 250000"])
        #expect(keys("Russia's losses have exceeded 400,000, according to the Ukrainian General Staff.")
            == ["russia military casualties at_least 400000"])
    }

    @Test func aPlaceAnAgentOrASpeakerIsNotTheSufferer() {
        // "in eastern Ukraine" is where, "Ukraine's General Staff" who speaks.
        #expect(keys("The Russian army, which has been fighting near Bakhmut in eastern Ukraine, has lost more than 3,500 troops, as per reports.")
            == ["russia military casualties at_least 3500"])
        #expect(keys("Ukraine's General Staff said that Russia had lost 740 soldiers over the previous day.")
            == ["russia military casualties exact 740/day"])
        #expect(keys("The Russian bombardment of Sumy in Ukraine has killed 14 people, a Ukrainian official said.")
            == ["ukraine civilian killed exact 14"])
    }

    @Test func civiliansAreTheLossesOfTheSideWhereTheyLive() {
        #expect(keys("In the city of Belgorod, 25 civilians were killed by shelling, the governor said.")
            == ["russia civilian killed exact 25"])
        #expect(keys("Shelling killed 9 civilians in Russia's Kursk region, the governor said.")
            == ["russia civilian killed exact 9"])
        #expect(keys("About 3,000 civilians have died in the Russian siege of the city, the mayor says.")
            == ["ukraine civilian killed approximately 3000"])
    }

    @Test func soldiersOfNoSideAnAttackKillsAreTheAttackersEnemy() {
        #expect(keys("A Russian strike on Kharkiv killed 60 French mercenaries.") == ["ukraine military killed exact 60"])
        #expect(keys("Ukrainian shelling killed 20 soldiers, the ministry said.") == ["russia military killed exact 20"])
        // A side named for them stands.
        #expect(keys("A Ukrainian drone strike killed 40 Russian soldiers.") == ["russia military killed exact 40"])
    }

    @Test func aHandoverAtTheStartOfATextIsReadWithinIt() {
        let extraction = LexiconFixture.extractor.extract(Document(name: "h.txt", text: "1,000 bodies were handed over."))
        #expect(extraction.claims.map(key) == ["both military killed exact 1000"])
    }

    @Test func whoseDeadASideGivesOrTakesBack() {
        #expect(keys("Under the same agreement, Russia handed over 6,057 bodies in June.") == ["ukraine military killed exact 6057"])
        #expect(keys("Ukraine received 909 bodies, while the Russian side took back 19.")
            == ["ukraine military killed exact 909", "russia military killed exact 19"])
        // Prisoners taken are the enemy's.
        #expect(keys("Russian forces took 500 prisoners near Avdiivka.") == ["ukraine military captured exact 500"])
    }

    @Test func captivesAreNotOfThePlaceTheyAreHeldIn() {
        #expect(keys("Kyiv says 8,000 Ukrainian servicemen and about 2,000 civilians are held in Russia.")
            == ["ukraine military captured exact 8000", "ukraine civilian captured approximately 2000"])
        #expect(keys("Ukraine holds 46 residents of the Kursk region, Moskalkova said.") == ["russia civilian captured exact 46"])
    }

    @Test func civiliansOfLandOneSideHoldsAreTheOtherSides() {
        // Whoever fired, the land is the other side's.
        #expect(keys("In Russian-occupied Horlivka, the Moscow-installed mayor claimed that Ukrainian drones had killed two civilians.")
            == ["ukraine civilian killed exact 2"])
        #expect(keys("Ukrainian shelling killed 9 civilians in the Donetsk People's Republic, its leader said.")
            == ["ukraine civilian killed exact 9"])
        #expect(keys("Ukrainian shelling killed two civilians in the Ukrainian-occupied part of Kursk, the governor said.")
            == ["russia civilian killed exact 2"])
        // Soldiers of a proclaimed state fight for the side that set it up.
        #expect(keys("The DPR militia said it had lost 20 fighters.") == ["russia military casualties exact 20"])
    }

    @Test func troopsFightingForASideAreThatSides() {
        #expect(keys("More than 2,000 North Korean troops have been killed or wounded, Kyiv says.")
            == ["russia military casualties at_least 2000"])
        #expect(keys("More than 40,000 people fighting in Russia's army have died, according to the count.")
            == ["russia military killed at_least 40000"])
    }

    @Test func aSideAloneAfterAndOpensAClauseWithTheVerbBefore() {
        #expect(keys("US officials said Ukraine had suffered up to 70,000 killed, and Russia close to 120,000 killed.")
            == ["ukraine military killed at_most 70000", "russia military killed nearly 120000"])
        #expect(keys("Ukraine lost 500 soldiers, and Russia 1,200.")
            == ["ukraine military casualties exact 500", "russia military casualties exact 1200"])
        #expect(keys("Ukraine lost 500 soldiers and Russian forces 1,200.")
            == ["ukraine military casualties exact 500", "russia military casualties exact 1200"])
        // A side's people with a verb or a figure of their own are no part of the noun before.
        #expect(keys("Ukraine lost 500 soldiers and Russian forces lost 1,200 soldiers.")
            == ["ukraine military casualties exact 500", "russia military casualties exact 1200"])
    }

    @Test func aNationsPeopleTheTextSaidServeASideAreStillInItsRanks() {
        let recruited = "Hundreds of men from Nepal and India were recruited into the Russian army.\n\n"
        #expect(keys(recruited + "Nepal says at least 33 Nepalis have been killed.") == ["russia military killed at_least 33"])
        #expect(keys(recruited + "India said 12 Indian nationals had lost their lives.") == ["russia military killed exact 12"])
        // Not the people of a place.
        #expect(keys(recruited + "A Russian strike killed 20 Kharkiv residents.") == ["ukraine civilian killed exact 20"])
    }

    // MARK: Population and metric carried through

    @Test func aBreakdownInheritsItsHeadFigure() {
        #expect(keys("The mission recorded 12,345 civilian casualties: 4,321 killed and 8,024 injured.") == [
            "ukraine civilian casualties exact 12345", "ukraine civilian killed exact 4321",
            "ukraine civilian wounded exact 8024",
        ])
        #expect(keys("Some 40% of civilian casualties occurred near the front line, 210 killed and 640 injured.")
            == ["ukraine civilian killed exact 210", "ukraine civilian wounded exact 640"])
    }

    @Test func aBareFigureContinuesTheFiguresBefore() {
        let text = """
        The monitors counted 3,210 civilian casualties in the region:
        -
        1,100 were killed,
        -
        2,110 were injured.
        """
        #expect(keys(text) == [
            "ukraine civilian casualties exact 3210", "ukraine civilian killed exact 1100",
            "ukraine civilian wounded exact 2110",
        ])
    }

    @Test func aPartAfterIncludingOrAmongThem() {
        #expect(keys("Russia has lost 301,200 soldiers to date, including 710 in the previous 24 hours, the General Staff said.")
            == ["russia military casualties exact 301200", "russia military casualties exact 710/day"])
        let text = "More than 50,000 Russian soldiers have died in the war. Among them, 9,870 were volunteers."
        #expect(keys(text) == ["russia military killed at_least 50000", "russia military killed exact 9870"])
    }

    @Test func aPartGivenOfThemInParentheses() {
        #expect(keys("The count confirms the deaths of 61,200 Russian servicemen (3,900 of them officers), the outlet said.")
            == ["russia military killed exact 61200", "russia military killed exact 3900"])
        #expect(keys("Russian casualties (killed and wounded) averaged 1,150 a day across the month.")
            == ["russia military casualties exact 1150/day"])
    }

    @Test func eachAfterASubjectNamingBothSides() {
        #expect(keys("Ukraine and Russia exchanged 75 prisoners of war each on Friday, Zelensky said.")
            == ["russia military captured exact 75", "ukraine military captured exact 75"])
    }

    @Test func aSentenceOpenedByAPartitive() {
        #expect(keys("Of the civilians killed, 622 were children, the mission said.") == ["ukraine civilian killed exact 622"])
    }

    @Test func theEnemyOfTheLastPartyNamed() {
        let text = "The Russian Defence Ministry published its update.\n\n\"In total, the enemy lost 1,200 servicemen,\" the statement said."
        #expect(keys(text) == ["ukraine military casualties exact 1200"])
    }

    @Test func secondVerbsAndListsOfVerbs() {
        #expect(keys("The strike killed 17 people and hurt 60, officials said.")
            == ["ukraine civilian killed exact 17", "ukraine civilian wounded exact 60"])
        #expect(keys("Ukrainian forces have killed, injured, or captured 12,300 Russian soldiers in the region.")
            == ["russia military casualties exact 12300"])
        #expect(keys("The Russian army has suffered 6,500 irreversible losses, the spokesman said.")
            == ["russia military killed exact 6500"])
        // A strike's toll is a subset of the war's losses, not a non-claim;
        // on one day, a daily one.
        #expect(keys("Five people were killed in a missile strike on Dnipro on Saturday.")
            == ["ukraine civilian killed exact 5/day"])
        #expect(keys("Five people were killed in a missile strike on Dnipro.") == ["ukraine civilian killed exact 5"])
    }

    @Test func anAsideBetweenDashesDoesNotHideThePredicate() {
        #expect(keys("The ministry said 512 Ukrainian fighters – including members of a marine brigade – had surrendered in the past 24 hours.")
            == ["ukraine military captured exact 512/day"])
    }

    // MARK: Hedges and rates

    @Test func aHedgeGovernsCoordinatedFigures() {
        #expect(keys("Up to 3,000 soldiers were killed and 9,000 wounded, he said.")
            == ["both military killed at_most 3000", "both military wounded at_most 9000"])
    }

    @Test func verbsThatAreHedges() {
        #expect(keys("Russian casualties topped 300,000, British intelligence said.")
            == ["russia military casualties at_least 300000"])
        #expect(keys("US officials put Russian deaths somewhere over 110,000.")
            == ["russia military killed at_least 110000"])
        #expect(keys("Weekly deaths of Russian volunteers have not dipped below 150.")
            == ["russia military killed at_least 150"])
    }

    @Test func dailyTalliesWhereverTheClauseSaysSo() {
        #expect(keys("Russia lost more than 1,200 soldiers in a single day, the General Staff said.")
            == ["russia military casualties at_least 1200/day"])
        #expect(keys("British officials said that Russia's losses had reached a daily average of 880 troops.")
            == ["russia military casualties exact 880/day"])
        #expect(keys("On Friday alone, the ministry reported 610 Russian deaths.")
            == ["russia military killed exact 610/day"])
        // A week's figure is a total for that week, not a rate.
        #expect(keys("In the past week, more than 4,100 Russian soldiers have been killed or wounded.")
            == ["russia military casualties at_least 4100"])
    }

    // MARK: Numbers as written

    @Test func numbersAsRealTextWritesThem() {
        #expect(keys("The General Staff said Russia had lost 122 883 soldiers.") == ["russia military casualties exact 122883"])
        #expect(keys("More than18,500 civilians have died, the regional governor said.") == ["ukraine civilian killed at_least 18500"])
        #expect(keys("Officials estimated that between 7- and 15,000 Russian soldiers were killed.")
            == ["russia military killed range 7000-15000"])
        #expect(keys("Analysts put Russian deaths at 160,000–165,000.") == ["russia military killed range 160000-165000"])
        #expect(keys("The head of the region said 500 [thousand] residents had become refugees.")
            == ["ukraine civilian refugees exact 500000"])
        #expect(keys("Half a million Ukrainians have fled abroad, the agency said.") == ["ukraine civilian refugees exact 500000"])
    }
}

/// Figures that look like loss estimates and are not.
@Suite struct LookalikeTests {
    @Test(arguments: [
        "More than 150,000 people have been killed in Sudan's civil war since 2023.",
        "During the Second World War, 8 million Soviet soldiers died.",
        "Russian deaths could reach 1 million by next summer, analysts warned.",
        "Russia's losses will likely hit the 1 million mark this year.",
        "The agreement provides for the exchange of 1,000 prisoners for 1,000.",
        "Both sides have agreed to exchange up to 6,000 bodies.",
        "The brigade destroyed six more tanks and 250 other armored vehicles.",
        "Russia also lost 4,200 troop-carrying armored fighting vehicles.",
        "Nearly six out of 10 refugees are women.",
        "One in five soldiers returned, the report said.",
        "The wounded-to-killed ratio was 3 to 1.",
        "Over 1 per cent of the male population between 20 and 50 has been killed.",
    ])
    func nothingIsTaken(text: String) {
        #expect(keys(text) == [])
    }

    @Test func aDeniedFigureIsNotTheClaim() {
        #expect(keys("Kyiv says Russia has lost 300,000 troops, not 500,000 as some bloggers claim.")
            == ["russia military casualties exact 300000"])
    }

    @Test func aChannelsNumberIsPartOfItsName() {
        #expect(keys("Channel 24 reported that 12 people were wounded in the shelling of Kherson.")
            == ["ukraine civilian wounded exact 12"])
    }

    @Test func aRelativeOfWhomClausesVerbIsThePartsAlone() {
        let text = "A senior US defence official put Moscow's casualties at 870,000, of whom as many as 230,000 may have died."
        #expect(keys(text) == ["russia military casualties exact 870000", "russia military killed at_most 230000"])
    }

    @Test func aDayBeforeEarlierOrLaterIsNoRate() {
        // "a day earlier" dates a handover; neither it nor "today" makes
        // the bodies returned a daily figure.
        let text = """
            The headquarters said the bodies of 310 fallen Ukrainian soldiers had been repatriated a day earlier. \
            In addition, today the bodies of 900 fallen defenders were brought home to Ukraine.
            """
        #expect(keys(text) == ["ukraine military killed exact 310", "ukraine military killed exact 900"])
        // Nor does a day named before the handover noun: "Thursday's exchange".
        #expect(keys("Three North Korean soldiers captured by Ukraine were not part of Thursday's exchange.") == [
            "russia military captured exact 3",
        ])
    }

    @Test func peopleASideHoldsAreCaptives() {
        let text = "Russian officials have said they hold more than 5,000 Ukrainian servicemen."
        #expect(keys(text) == ["ukraine military captured at_least 5000"])
    }

    @Test func notBelowIsAFloor() {
        let text = "A senior Ukrainian official said the number of Ukrainian soldiers killed was \"not below 55,000\"."
        #expect(keys(text) == ["ukraine military killed at_least 55000"])
    }

    @Test func aDayAfterCoordinatedVerbsHoldsAcrossAnAside() {
        let text = "Ukrainian drone attacks killed four civilians, including a 12-year-old boy, and wounded 19 others in the Kursk region on Sunday, the governor said."
        #expect(keys(text) == ["russia civilian killed exact 4/day", "russia civilian wounded exact 19/day"])
    }

    @Test func aTollNamingNoSideCountsCivilians() {
        // Not soldiers by default: a toll is an attack's.
        let text = "Reuters could not verify the reports. Later on Sunday, the governor said the death toll had risen to seven in the city of Belgorod."
        #expect(keys(text) == ["russia civilian killed exact 7"])
    }

    @Test func peopleWhoCannotBeTracedAreMissing() {
        let text = "Of the Kenyans who joined the Russian army, 14 are confirmed dead and 22 cannot be traced, the minister said."
        #expect(keys(text) == ["russia military killed exact 14", "russia military missing exact 22"])
    }

    @Test func foreignNationalsHeldAfterFightingForASideAreItsCaptives() {
        let text = "The headquarters says it is holding more than 1,200 foreign nationals who fought for Russia."
        #expect(keys(text) == ["russia military captured at_least 1200"])
    }

    @Test func peopleASwapHandsOverAreCaptives() {
        #expect(keys("Since 2022 Ukraine has brought back 4,300 people in 58 exchanges.") == ["ukraine military captured exact 4300"])
        #expect(keys("Some 1.2 million people have returned to Ukraine since the spring.") == [])
    }

    @Test func estimatesThatLieBetweenFiguresAndPeopleWhoHadLeft() {
        #expect(keys("The combined dead of both armies lie somewhere between 150,000 and 400,000.") == [
            "both military killed range 150000-400000",
        ])
        #expect(keys("UNHCR said 4,812,000 Ukrainians had left since the invasion began.") == [
            "ukraine civilian refugees exact 4812000",
        ])
        // Not a refugee: what an attack "left".
        #expect(keys("The strike had left 12 people dead.") == ["ukraine civilian killed exact 12"])
    }

    @Test func estimatesOfAFigureCountWhatTheFigureBeforeDid() {
        let text = "Zelensky said 31,000 Ukrainian troops had been killed, a figure far lower than US estimates of 70,000."
        #expect(keys(text) == ["ukraine military killed exact 31000", "ukraine military killed exact 70000"])
    }

    @Test func aPossessivePronounsSideIsTheClausesLastNamed() {
        let text = "On May 4, Ukraine brought home 205 of its prisoners of war, while Russia said 190 of its servicemen had been returned in the swap."
        #expect(keys(text) == ["ukraine military captured exact 205", "russia military captured exact 190"])
        // A verb of saying in a clause set against the figure's is not its source.
        #expect(speakers(text) == [nil, "Russian government"])
    }

    @Test func aLossNounAsTheSubjectOfIncludeSaysWhatItsFigureCounts() {
        let text = "The mission said 10,400 civilians had been killed. The dead include 587 children, it said."
        #expect(keys(text) == ["ukraine civilian killed exact 10400", "ukraine civilian killed exact 587"])
    }

    @Test func theExecutionOfPrisonersKillsThem() {
        #expect(keys("Prosecutors have documented the execution of at least 88 Ukrainian prisoners of war.") == [
            "ukraine military killed at_least 88",
        ])
    }

    @Test func aLongSubjectStillNamesItsLoss() {
        let text = "The death toll from Friday's Russian missile strike on a nine-story apartment block in the southern Ukrainian port city of Odesa rose to 23 on Sunday."
        #expect(keys(text) == ["ukraine civilian killed exact 23"])
    }

    @Test func civiliansAreNotTheSideOfASpeakerBorrowedFromAnotherParagraph() {
        let text = """
            Kremlin spokesman Dmitry Peskov denied that Russian forces target residential buildings.

            The attack was the deadliest since April, when a missile hit a crowded railway station in Kramatorsk, killing 58 people.
            """
        #expect(keys(text) == ["ukraine civilian killed exact 58"])
    }

    @Test func anAsideOnTheFiguresPeopleLeavesItsVerbToIt() {
        let text = "More than 31,000 Ukrainians, most of them servicemen, are listed as missing, the ombudsman said."
        #expect(keys(text) == ["ukraine military missing at_least 31000"])
    }

    @Test func capturesComingHomeAndRefugeesTakenIn() {
        #expect(keys("Moscow had also received back six civilians from the Kursk region.") == ["russia civilian captured exact 6"])
        #expect(keys("Russia has confirmed that about 8,000 Ukrainian soldiers are in custody.") == [
            "ukraine military captured approximately 8000",
        ])
        #expect(keys("Germany has taken in about 1.1 million people from Ukraine, the ministry said.") == [
            "ukraine civilian refugees approximately 1100000",
        ])
    }

    @Test func aPartOfTheEnemysLossesIsTheEnemys() {
        let text = "Syrskyi said the enemy had lost near of 36 thousand of soldiers in Kursk, among them about 14 thousand in irrecoverable form."
        #expect(keys(text) == ["russia military casualties nearly 36000", "russia military killed approximately 14000"])
    }

    @Test func anAttackNamedAfterItsPrepositionNamesTheAttacker() {
        // "in Ukrainian shelling" is who struck, not where.
        let text = "Three people were killed and nine others injured in Ukrainian shelling of the Kursk region, the governor said."
        #expect(keys(text) == ["russia civilian killed exact 3", "russia civilian wounded exact 9"])
    }

    @Test func theMissingOfAWarAreSoldiersUnlessNamedCivilians() {
        #expect(keys("More than 58,000 Ukrainian citizens are now registered as missing, the commissioner said.") == [
            "ukraine military missing at_least 58000",
        ])
        #expect(keys("Some 2,000 Ukrainian civilians are missing, the commissioner said.") == [
            "ukraine civilian missing approximately 2000",
        ])
    }

    @Test func aPartOfAWholeTakesTheLossItsVerbNarrowsTo() {
        #expect(keys("Syrskyi said Russia had lost 21,000 soldiers in Pokrovsk, and that about 9,800 of those losses were irrecoverable.") == [
            "russia military casualties exact 21000", "russia military killed approximately 9800",
        ])
    }

    @Test func anAsideGlossingTheLossNounLeavesItsFigureToIt() {
        #expect(keys("The ministry said total Russian casualties, killed and wounded, were likely to be around 450,000.") == [
            "russia military casualties approximately 450000",
        ])
        #expect(keys("Russian casualties, dead, wounded and missing, totalled 650,000 by the summer.") == [
            "russia military casualties exact 650000",
        ])
        #expect(keys("The institute said joint Russian and Ukrainian losses — killed, injured and missing — now near 1.4 million.") == [
            "both military casualties nearly 1400000",
        ])
        #expect(keys("Ukrainian casualties (by its own count) came to 90,000, the agency said.") == [
            "ukraine military casualties exact 90000",
        ])
    }

    @Test func whoMadeTheAttacksOfAnInvertedClauseDidNotSufferTheLoss() {
        let text = "In the Belgorod region from attacks of the AFU perished 9 peaceful residents over the week, the governor said."
        #expect(keys(text) == ["russia civilian killed exact 9"])
    }

    @Test func bodiesTakenFromTheRubbleAreAStrikesDead() {
        #expect(keys("Emergency workers said 14 bodies had been recovered from the rubble in Dnipro.") == [
            "ukraine civilian killed exact 14",
        ])
    }

    @Test func bodiesRecoveredWhileTheTollRisesAreAStrikesDead() {
        #expect(keys("The interior minister said 16 bodies had been recovered in Kyiv and that the toll was likely to rise.") == [
            "ukraine civilian killed exact 16",
        ])
    }

    @Test func aHedgeGovernsAFigureCoordinatedWithOthersOrItsPeopleNamed() {
        #expect(keys("At least 12 civilians have been killed in Kharkiv and 121 others wounded.") == [
            "ukraine civilian killed at_least 12", "ukraine civilian wounded at_least 121",
        ])
        #expect(keys("Up to 3,000 Russian soldiers were killed and 9,000 soldiers wounded.") == [
            "russia military killed at_most 3000", "russia military wounded at_most 9000",
        ])
    }

    @Test func civiliansInANeighbouringRussianRegionAreRussias() {
        let text = "Also in neighbouring Kursk region as a result of strikes of the AFU since the beginning of the year 24 civilians perished."
        #expect(keys(text) == ["russia civilian killed exact 24"])
    }

    @Test func theMissingNamedAsResidentsAreCivilians() {
        let text = "In Kursk region the search for residents who are considered missing continues; their number is 412 persons."
        #expect(keys(text) == ["russia civilian missing exact 412"])
        #expect(keys("More than 63,000 Ukrainians are registered as missing.") == ["ukraine military missing at_least 63000"])
    }

    @Test func anAgeAfterTheFiguresPeopleIsNoFigure() {
        #expect(keys("The outlets estimated that some 47,000 Russian men under the age of 50 had died in the war.") == [
            "russia military killed approximately 47000",
        ])
    }

    @Test func soldiersHandedOverAreCaptives() {
        #expect(keys("The Russian Defense Ministry said that 158 Russian servicemen had been returned from territory controlled by Kyiv.") == [
            "russia military captured exact 158",
        ])
        #expect(keys("Ukraine brings home 211 prisoners in a swap with Russia") == ["ukraine military captured exact 211"])
        #expect(keys("The region has buried 47 soldiers since the autumn.") == [])
    }

    @Test func theAverageDailyFigureIsADaysAndASourceSayingSoAsideWithItsTime() {
        #expect(keys("In May alone, the average daily figure of Russian losses was around 1,280.") == [
            "russia military casualties approximately 1280/day",
        ])
        #expect(keys("Russia, the Ukrainian president said this month, is losing 30,000 soldiers killed and seriously wounded every month.") == [
            "russia military casualties exact 30000",
        ])
    }

    @Test func estimatesThatRangeAndAFigureNounAsTheSubject() {
        #expect(keys("Estimates of Russian dead range from 100,000 to 200,000.") == ["russia military killed range 100000-200000"])
        let text = """
            Moscow stopped publishing the Russian military death toll long ago. The last official number, given by the defence ministry in the war's first autumn, was 5,937.
            """
        #expect(keys(text) == ["russia military killed exact 5937"])
        let interval = "The model puts the Russian dead at 172,000. Its 95% confidence interval runs from 139,000 to 226,000."
        #expect(keys(interval) == ["russia military killed exact 172000", "russia military killed range 139000-226000"])
    }

    @Test func aTallyOfWhatASourceCallsItsLossesNamesTheLossAfter() {
        let text = """
            Ukraine's General Staff publishes a daily tally of what it calls Russia's "personnel losses", which analysts believe includes the wounded. As of Tuesday it stood at 256,720.
            """
        #expect(keys(text) == ["russia military casualties exact 256720"])
    }

    @Test func civiliansOfAPlaceItsHeadOrLeaderSpeaksFor() {
        #expect(keys("The head of the Belgorod region said five civilians were killed.") == ["russia civilian killed exact 5"])
        #expect(keys("The leader of the occupied parts of the Kursk region said 12 residents had died.") == [
            "russia civilian killed exact 12",
        ])
    }

    @Test func aVerbPutsTheFigureNounBetweenTwoFigures() {
        let text = "Some 47,000 Russian men had died in the war. The uncertainty put the figure anywhere between 41,000 and 55,000."
        #expect(keys(text) == ["russia military killed approximately 47000", "russia military killed range 41000-55000"])
    }

    @Test func aPeriodClosingAnElidedFigureHoldsForTheFigureBefore() {
        #expect(keys("Six civilians had been killed and 21 wounded in Kherson over the past day.") == [
            "ukraine civilian killed exact 6/day", "ukraine civilian wounded exact 21/day",
        ])
    }

    @Test func aClauseAfterASemicolonCarriesNoSideFromTheOneBefore() {
        #expect(keys("Russia lost over 9,000 troops near Pokrovsk, Zelensky says; a drone strike on Zaporizhzhia kills 3") == [
            "russia military casualties at_least 9000", "ukraine civilian killed exact 3",
        ])
    }

    @Test func aListOfNamesCountsThePeopleItNames() {
        #expect(keys("As of 9 August, the list contained 61,415 names of Russian servicemen killed in Ukraine.") == [
            "russia military killed exact 61415",
        ])
        #expect(keys("168,310 — the names of Russian servicemen killed in Ukraine that Mediazona has confirmed.") == [
            "russia military killed exact 168310",
        ])
    }

    @Test func theSideNamedOnTheCaptivityHoldsTheCaptives() {
        #expect(keys("The exchange brought the total number of Ukrainians freed from Russian captivity to 3,956.") == [
            "ukraine military captured exact 3956",
        ])
        #expect(keys("Around 340 Lviv residents are listed as missing, and at least 150 are known to be held in Russian captivity.") == [
            "ukraine civilian missing approximately 340", "ukraine military captured at_least 150",
        ])
    }

    @Test func aPartOfADaysTallyIsOfThatDay() {
        let text = "The ministry said Ukrainian forces lost about 1,300 servicemen over the past day, including up to 210 near Kupiansk."
        #expect(keys(text) == [
            "ukraine military casualties approximately 1300/day", "ukraine military casualties at_most 210/day",
        ])
    }

    @Test func aTotalBesideADaysTallyKeepsNoDay() {
        #expect(keys("The ministry said Ukraine had lost up to 320 servicemen over the past 24 hours and more than 13,000 since the start of the incursion.")
            == ["ukraine military casualties at_most 320/day", "ukraine military casualties at_least 13000"])
        #expect(keys("The General Staff reported 1,030 Russian personnel losses over the past 24 hours, taking its running total to 1,146,500.")
            == ["russia military casualties exact 1030/day", "russia military casualties exact 1146500"])
        // A total said for the day is that day's.
        #expect(keys("Over the past day Russia lost a total of 1,140 soldiers.") == ["russia military casualties exact 1140/day"])
        // A relative clause tells of its noun, not of the figure's period.
        #expect(keys("Ukraine's General Staff, which publishes a daily tally, put Russia's losses at 1,121,370.")
            == ["russia military casualties exact 1121370"])
    }

    @Test func theDeadAHandoverReturnsAreSoldiersAfterParagraphsOnCivilians() {
        let text = """
            Russian missiles killed at least 19 civilians in Kyiv overnight, officials said.

            Separately, the Coordination Headquarters said 900 bodies were returned to Ukraine on Thursday.
            """
        #expect(keys(text) == ["ukraine civilian killed at_least 19", "ukraine military killed exact 900"])
    }
}
