import Testing
@testable import ClaimExtraction

/// Side, population and metric, read from the words around a figure.
@Suite struct SubjectReaderTests {
    @Test func aModalHedgeOnACountIsNoForecastWithoutADeadline() {
        #expect(keys("By the estimates of local researchers, those Russian losses alone may exceed 30,000 men.")
            == ["russia military casualties at_least 30000"])
        #expect(keys("Russian losses could exceed 30,000 men by the end of the summer.") == [])
    }

    @Test func aPartOfPeopleNamedBeforeIsOfTheirSide() {
        #expect(keys("Kyiv says about 800 Nepali citizens are serving in the Russian army.\n\nAt least 120 of them have been killed.")
            == ["russia military killed at_least 120"])
        #expect(keys("A database now holds the names of 61,000 Russian soldiers killed in the war.\n\nOf the confirmed dead, 9,400 were convicts.")
            == ["russia military killed exact 61000", "russia military killed exact 9400"])
        // Whose the people are by the clause before, over the figures
        // before it.
        let sent = "Kyiv says 4,000 Ukrainian soldiers have died in the region. North Korea sent some 12,000 troops to the front. "
            + "Seoul says about 3,100 of them have been killed or wounded."
        #expect(keys(sent) == ["ukraine military killed exact 4000", "russia military casualties approximately 3100"])
    }

    @Test func aPartSetApartByACommaKeepsItsVerbToItself() {
        #expect(keys("The number of Russian killed and wounded was 410,000, with some 90,000 of them killed.")
            == ["russia military casualties exact 410000", "russia military killed approximately 90000"])
    }

    @Test func aTotalAfterATwoWordLossCountsBoth() {
        #expect(keys("Russia lost 1,210 soldiers killed or wounded over the day, bringing its total to 705,400.")
            == ["russia military casualties exact 1210/day", "russia military casualties exact 705400"])
    }

    @Test func aPeriodBetweenTheLossAndItsVerbOfReaching() {
        #expect(keys("Russian losses since February 2022 exceed 410,000.") == ["russia military casualties at_least 410000"])
    }

    @Test func aFigureComparedWithARateIsARate() {
        #expect(keys("Russian casualties averaged 980 a day in May, down from 1,140 in April.")
            == ["russia military casualties exact 980/day", "russia military casualties exact 1140/day"])
    }

    @Test func aLossNounOverTheFigureOutranksARelativeClauseOnItsPeople() {
        #expect(keys("Monitors have documented the executions of 41 Ukrainian soldiers who had surrendered.")
            == ["ukraine military killed exact 41"])
    }

    @Test func aFigureNounsLossOutranksTheWordsForItsParts() {
        let text = "The ministry keeps a running count of Russian casualties, which includes soldiers killed and those wounded. "
            + "The count stood at 402,000 this week."
        #expect(keys(text) == ["russia military casualties exact 402000"])
    }

    @Test func refugeesAreOfTheCountryTheyFledWhoeverCountsThem() {
        #expect(keys("Moscow says some 2.1 million people from Ukraine have taken refuge in Russia.")
            == ["ukraine civilian refugees approximately 2100000"])
    }

    @Test func refugeesUnderProtectionAndTakingRefuge() {
        #expect(keys("Some 310,000 Ukrainians have taken refuge in Romania.") == ["ukraine civilian refugees approximately 310000"])
        #expect(keys("About 140,000 Ukrainians are under temporary protection in Spain.") == ["ukraine civilian refugees approximately 140000"])
        #expect(keys("2,682 Ukrainian evacuees were staying in Japan.") == ["ukraine civilian refugees exact 2682"])
        #expect(keys("Some 37,000 Ukrainians who left their country after the invasion live in Türkiye.")
            == ["ukraine civilian refugees approximately 37000"])
    }

    @Test func aTollsLossIsItsFirstFiguresWhenALaterVerbCountsTheRest() {
        #expect(keys("The death toll from the strike on Chernihiv has risen to 19, including three children, and 64 people were wounded.")
            == ["ukraine civilian killed exact 19", "ukraine civilian killed exact 3", "ukraine civilian wounded exact 64"])
        #expect(keys("In Sumy the Russian rocket strike has killed 8 persons, 26 was wounded.")
            == ["ukraine civilian killed exact 8", "ukraine civilian wounded exact 26"])
    }

    @Test func whomASideSaysItEliminatedAreItsEnemy() {
        #expect(keys("Russia's defence ministry said 640 Georgian volunteers had been eliminated near Bakhmut.")
            == ["ukraine military killed exact 640"])
    }

    @Test func aPartOfAFigureBeforeItInItsSentenceIsOfThatFiguresSide() {
        let text = "Kyiv said 400 Ukrainian soldiers died there in May. 214 occupiers were neutralised on the axis, 131 of them irrecoverably."
        #expect(keys(text).last == "russia military killed exact 131")
    }

    @Test func aHyphenatedModifierBeforeEquipmentIsNoHead() {
        #expect(keys("Ukraine lost up to 210 troops, two US-made Bradley fighting vehicles and a tank over the past day, Moscow said.")
            == ["ukraine military casualties at_most 210/day"])
    }

    @Test func occupiersNeutralisedAndIrrecoverably() {
        #expect(keys("Over the past day, 318 occupiers were neutralised on this axis, 140 of them irrecoverably.")
            == ["russia military casualties exact 318/day", "russia military killed exact 140/day"])
    }

    @Test func anAsideNamingAPartAndARelativeClauseAfterAnOfPhrase() {
        #expect(keys("More than 6,500 Ukrainians, including civilians, remain in Russian captivity.")
            == ["ukraine military captured at_least 6500"])
        #expect(keys("At least 208 citizens of Asian countries who were recruited to fight for Russia have been killed.")
            == ["russia military killed at_least 208"])
    }

    @Test func aPartOfAWholeWithAFigureCountsTheWholesPeopleAndTheWholeNothing() {
        #expect(keys("Around 2,600 of the roughly 9,000 North Korean troops have been killed or wounded.")
            == ["russia military casualties approximately 2600"])
    }

    @Test func anObjectPronounRefersToTheLossBefore() {
        #expect(keys("Ukraine's losses are harder to estimate. The institute put them at roughly 380,000 killed and wounded.")
            == ["ukraine military casualties approximately 380000"])
    }

    @Test func takenTogetherIsOneTotalForBothSides() {
        #expect(keys("Taken together, the two armies have probably suffered well over 900,000 casualties.")
            == ["both military casualties well_over 900000"])
    }

    @Test func aSideAdjectiveAndAPopulationNounNameTheLoss() {
        #expect(keys("Ukraine says 9,000 Ukrainian soldiers have died so far.") == ["ukraine military killed exact 9000"])
        #expect(keys("Kyiv claims that approximately 800 Russians are killed daily.") == ["russia military killed approximately 800/day"])
    }

    @Test func coordinatedFiguresShareTheirPredicate() {
        #expect(keys("About 200,000 soldiers and about 40,000 civilians have been killed in the war.") == [
            "both military killed approximately 200000", "ukraine civilian killed approximately 40000",
        ])
    }

    @Test func aBreakdownInBracketsAfterAFigureCountsWhatItDoes() {
        #expect(keys("Civilians killed: 219 (114 men, 77 women, 8 boys, and 15 adults whose sex is not yet known)") == [
            "ukraine civilian killed exact 219", "ukraine civilian killed exact 114", "ukraine civilian killed exact 77",
            "ukraine civilian killed exact 8", "ukraine civilian killed exact 15",
        ])
    }

    @Test func aSecondVerbWithAFigureInWordsIsNoHeadOfTheFirst() {
        #expect(keys("Shelling of Kharkiv killed two and wounded five.") == ["ukraine civilian killed exact 2", "ukraine civilian wounded exact 5"])
        // A vague figure has a verb of its own too.
        #expect(keys("The office says 103 children have been killed and many more wounded.") == ["ukraine civilian killed exact 103"])
        #expect(keys("Two killed and wounded soldiers were evacuated.") == ["both military casualties exact 2"])
    }

    @Test func anEllipticConjunctBorrowsItsHeadAndHedge() {
        #expect(keys("Around 60,000 Russian and 40,000 Ukrainian troops are thought to have been killed or wounded.") == [
            "russia military casualties approximately 60000", "ukraine military casualties approximately 40000",
        ])
        #expect(keys("He said 1 lakh Russian and 1 lakh Ukrainian soldiers had died, out of 2 lakh dead soldiers.").count == 3)
    }

    @Test func eachSideMakesAClaimPerSide() {
        #expect(keys("Western officials believe each side has lost around 100,000 troops.") == [
            "russia military casualties approximately 100000", "ukraine military casualties approximately 100000",
        ])
        #expect(keys("Both sides have suffered more than 50,000 deaths.") == [
            "russia military killed at_least 50000", "ukraine military killed at_least 50000",
        ])
        #expect(keys("100,000 soldiers have been killed on each side.") == [
            "russia military killed exact 100000", "ukraine military killed exact 100000",
        ])
    }

    @Test func aCombinedTotalForBothSidesIsOneClaim() {
        #expect(keys("Both sides have suffered a combined 300,000 casualties.") == ["both military casualties exact 300000"])
    }

    @Test func killedAndWoundedTogetherAreCasualties() {
        #expect(keys("Over 139,000 Russian troops have been killed or injured.") == ["russia military casualties at_least 139000"])
        #expect(keys("Some 180,000 Russian soldiers were injured, died, or went missing.") == [
            "russia military casualties approximately 180000",
        ])
        #expect(keys("He put the figure at 20,000 Russian troops killed and wounded.") == ["russia military casualties exact 20000"])
    }

    @Test func aVerbsSubjectSuffersOrInflictsTheLoss() {
        #expect(keys("Ukraine has lost 100,000 soldiers and 30,000 civilians.") == [
            "ukraine military casualties exact 100000", "ukraine civilian casualties exact 30000",
        ])
        #expect(keys("Russia had suffered “significantly more than” 100,000 casualties.") == [
            "russia military casualties well_over 100000",
        ])
        #expect(keys("Ukraine took 200 prisoners last month.") == ["russia military captured exact 200"])
        #expect(keys("Russian forces have killed at least 500 civilians.") == ["ukraine civilian killed at_least 500"])
        #expect(keys("Russia's invasion has killed or wounded nearly 50,000 civilians.") == ["ukraine civilian casualties nearly 50000"])
    }

    @Test func prisonersAndHostages() {
        #expect(keys("Kyiv says it has killed 4,300 Russian soldiers and taken 200 hostage.") == [
            "russia military killed exact 4300", "russia military captured exact 200",
        ])
        #expect(keys("Ukraine says it has taken more than 200 prisoners of war.") == ["russia military captured at_least 200"])
        #expect(keys("Ukraine said 4,300 Russian soldiers were killed and more than 200 taken hostage by Ukrainian forces.") == [
            "russia military killed exact 4300", "russia military captured at_least 200",
        ])
    }

    @Test func refugeesAreCivilians() {
        #expect(keys("The UN refugee agency has recorded 7.8 million refugees from Ukraine across Europe.") == [
            "ukraine civilian refugees exact 7800000",
        ])
        #expect(keys("He believes that between 15 and 30 million people have fled the country.") == [
            "ukraine civilian refugees range 15000000-30000000",
        ])
    }

    @Test func aLossNounLinkedToTheFigure() {
        #expect(keys("The number of Russian casualties is quickly reaching 200,000.") == ["russia military casualties nearly 200000"])
        #expect(keys("It only recognizes the deaths of up to 13,000 Ukrainian soldiers.") == ["ukraine military killed at_most 13000"])
        #expect(keys("The civilian death toll has risen to 9,000.") == ["ukraine civilian killed exact 9000"])
        #expect(keys("Russia's losses are estimated at 100,000 troops.") == ["russia military casualties approximately 100000"])
    }

    @Test func aPronounTakesTheLossNounBeforeIt() {
        #expect(keys("“Russian losses — the last time I spoke I said it was over 100,000. I would say it’s well over 100,000 now,” he said.") == [
            "russia military casualties at_least 100000", "russia military casualties well_over 100000",
        ])
    }

    @Test func dailyTallies() {
        let text = "Ukraine's General Staff says Russia's losses since the start of the full-scale invasion have reached 150,000 personnel, including 690 in the past 24 hours."
        #expect(keys(text) == ["russia military casualties exact 150000", "russia military casualties exact 690/day"])
        #expect(keys("Russia lost 920 soldiers over the past day, Ukraine's military said.") == [
            "russia military casualties exact 920/day",
        ])
    }

    @Test func unCivilianCounts() {
        let text = "The UN human rights office has recorded 8,006 civilian deaths and 13,287 injured since February 24, 2022."
        #expect(keys(text) == ["ukraine civilian killed exact 8006", "ukraine civilian wounded exact 13287"])
        #expect(speakers(text) == ["OHCHR", "OHCHR"])
    }

    @Test func countsOfTheDeadByName() {
        let text = "Mediazona and BBC Russian have confirmed the names of 20,000 Russian soldiers killed in Ukraine."
        #expect(keys(text) == ["russia military killed exact 20000"])
    }

    @Test func numbersInWordsAndTranslatedSeparators() {
        #expect(keys("Forty thousand civilians have died, the UN said.") == ["ukraine civilian killed exact 40000"])
        #expect(keys("Nearly a million refugees have fled abroad.") == ["ukraine civilian refugees nearly 1000000"])
        #expect(keys("Ukraine said 100 000 Russian soldiers had been killed.") == ["russia military killed exact 100000"])
        #expect(keys("Ukraine said 1.500 Russian soldiers had been killed.") == ["russia military killed exact 1500"])
        #expect(keys("Over 2 crore people have been displaced abroad as refugees.") == ["ukraine civilian refugees at_least 20000000"])
    }

    @Test func noFewerThanAndInExcessOf() {
        #expect(keys("No fewer than 50,000 Russian soldiers have died.") == ["russia military killed at_least 50000"])
        #expect(keys("Russia has suffered in excess of 100,000 casualties.") == ["russia military casualties at_least 100000"])
    }

    @Test func theSameNumberForTheOtherSide() {
        #expect(keys("“You’re looking at well over 100,000 Russian soldiers killed and wounded,” he said. “Same thing probably on the Ukrainian side.”") == [
            "russia military casualties well_over 100000", "ukraine military casualties well_over 100000",
        ])
        #expect(keys("Some 100,000 Russian soldiers have been killed. Probably the same number is observed towards Ukraine.") == [
            "russia military killed approximately 100000", "ukraine military killed approximately 100000",
        ])
    }

    @Test func aFigureGivenBeforeIsNotTakenAgain() {
        let text = "About 40,000 civilians have been killed. Milley mentioned the 40,000 innocent deaths."
        #expect(keys(text) == ["ukraine civilian killed approximately 40000"])
    }

    @Test func aPartysOwnFigureForItsSoldiersCountsItsOwn() {
        #expect(keys("Moscow’s latest update said only 5,937 soldiers had been killed.") == ["russia military killed exact 5937"])
    }

    @Test func whatASpeakerSaysTheirSideLostIsTheirSides() {
        // After a sentence about the other side's losses.
        let text = "Russia has lost 180,000 soldiers, Zelensky said. \u{201C}We have lost 31,000 people,\u{201D} he said."
        #expect(keys(text) == ["russia military casualties exact 180000", "ukraine military casualties exact 31000"])
        // Without a loser, people stay people.
        #expect(keys("We counted 300 people killed in the strike, the mayor said.") == ["ukraine civilian killed exact 300"])
    }

    @Test func aPartOfABodysPeopleNamedBeforeIsOfItsSide() {
        let text = "Wagner has lost 30,000 men in Ukraine. Kirby told reporters that about 9,000 of the group's fighters had been killed."
        #expect(keys(text) == ["russia military casualties exact 30000", "russia military killed approximately 9000"])
    }

    @Test(arguments: [
        "4 of", "Russia has lost 4 of", "Casualties: 1,000 of\n\nMore follows.", "1 two killed", "He said 100 two soldiers were killed.",
        "100 captured one Russian", "\"5,000\"", "\u{201C}12 of",
    ])
    func cutOrRunTogetherFiguresAreReadWithoutTrapping(text: String) {
        // Read to the end: a figure at a line's end, or two run together.
        _ = claims(text)
    }

    @Test func everyCutOfASentenceIsReadWithoutTrapping() {
        // An article cut anywhere (a truncated download, a line broken in
        // the middle) or with a quotation mark opening a line is still read.
        let sentences = [
            "Killed: 219 (114 men, 77 women, 8 boys, 5 girls, and 15 adults whose sex is not yet known)",
            "Russian Defense Ministry spokesman Igor Konashenkov said 1,730 militants, including 80 wounded, had surrendered since May 16.",
            "About 4,000 of the approximately 11,000 North Korean troops sent to Kursk have been killed or wounded, officials said.",
            "The death toll from Saturday's shelling of Belgorod has risen to 25, including five children, and 109 people were wounded.",
            "Trump has said that about 5,000 soldiers from the two armies are dying every week, up from 2,000 a day in March.",
            "Ukraine on Thursday took back the remains of 1,000 people that Moscow says are Ukrainian soldiers, in exchange for 31.",
        ]
        for sentence in sentences {
            let words = sentence.split(separator: " ")
            for cut in 1...words.count {
                let text = words.prefix(cut).joined(separator: " ")
                for variant in [text, "\"" + text, text + "\"", "(" + text] { _ = claims(variant) }
            }
        }
    }

    @Test func aSentenceOpeningWithAQuotedFigureIsRead() {
        #expect(keys("\"5,000 to 7,000 soldiers\" from Russia and Ukraine die each week, Trump said.")
            == ["both military killed range 5000-7000"])
        #expect(keys("\u{201C}1,000 Russian soldiers\u{201D} were killed, Kyiv said.") == ["russia military killed exact 1000"])
    }

    @Test func peopleARelativeClauseSaysAreSoldiersOfASideAreThoseSoldiers() {
        #expect(keys("Ukraine on Thursday took back the remains of 1,000 people that Moscow says are Ukrainian soldiers.")
            == ["ukraine military killed exact 1000"])
        #expect(keys("Kyiv received the bodies of 909 people who, according to the Russian side, are Ukrainian servicemen.")
            == ["ukraine military killed exact 909"])
        // A relative clause on something else says nothing of them.
        #expect(keys("Shelling killed 12 people who were queuing for bread, officials said.") == ["ukraine civilian killed exact 12"])
    }

    @Test func whomASideSaysGaveThemselvesUpAreItsEnemys() {
        #expect(keys("Russian Defense Ministry spokesman Igor Konashenkov said 1,730 militants, including 80 wounded, had surrendered since May 16.").first
            == "ukraine military captured exact 1730")
        #expect(keys("Since the start of the operation, the Kiev regime's losses have exceeded 383,000 servicemen, Shoigu said.")
            == ["ukraine military casualties at_least 383000"])
    }

    @Test func soldiersOfNoNamedSideAreThoseTheTextWasCounting() {
        let text = """
            Russia has lost about 420,000 soldiers, the Estonian intelligence chief said.

            December was the worst month. We counted on average 1,580 casualties per day.
            """
        #expect(keys(text) == ["russia military casualties approximately 420000", "russia military casualties exact 1580/day"])
        // With no soldiers counted before, they are of both sides.
        #expect(keys("We counted on average 1,580 casualties per day.") == ["both military casualties exact 1580/day"])
    }

    @Test func whomASpeakersSideTookOrKilledAreTheEnemys() {
        #expect(keys("Since August, our units have taken more than 900 prisoners in the Kursk region, Syrskyi said.")
            == ["russia military captured at_least 900"])
        #expect(keys("\u{201C}Our forces have killed 500 soldiers of the attacking units,\u{201D} Zelensky said.") == ["russia military killed exact 500"])
    }

    @Test func theTwoArmiesTogetherLostACombinedTotal() {
        #expect(keys("Together, the report said, the two armies have lost close to 1.8 million men.") == [
            "both military casualties nearly 1800000",
        ])
        #expect(keys("Both armies have lost 100,000 men.") == [
            "russia military casualties exact 100000", "ukraine military casualties exact 100000",
        ])
    }

    @Test func prisonersExecutedAreKilled() {
        #expect(keys("Russian forces have executed at least 109 Ukrainian prisoners of war.") == ["ukraine military killed at_least 109"])
        #expect(keys("More than 50 Ukrainian prisoners of war were killed in Olenivka.") == ["ukraine military killed at_least 50"])
    }

    @Test func anAsClauseAfterTheFigureIsNotItsPredicate() {
        #expect(keys("Russia's war losses approach 1.2 million as the dying goes on") == ["russia military casualties nearly 1200000"])
    }

    @Test func aParticleIsNoHedge() {
        #expect(keys("Russia said it had handed over 6,060 bodies of Ukrainian soldiers.") == ["ukraine military killed exact 6060"])
    }

    @Test func foreignersInASidesRanksAreItsSoldiers() {
        #expect(keys("Nepal has said at least 33 Nepalis have been killed fighting for Russia.") == ["russia military killed at_least 33"])
        #expect(keys("12 Indians killed, 16 missing after being recruited into Russian army") == [
            "russia military killed exact 12", "russia military missing exact 16",
        ])
        #expect(keys("Three Kenyans recruited to fight for Russia have been killed.") == ["russia military killed exact 3"])
        // Named as citizens, they are still soldiers of the side they serve.
        #expect(keys("The ministry says 41 of its citizens have died fighting for Russia.") == ["russia military killed exact 41"])
        #expect(keys("Five Ghanaian nationals recruited by the Russian army have been killed.") == ["russia military killed exact 5"])
        #expect(keys("At least 97 Brazilians who joined Ukraine's armed forces have died.") == ["ukraine military killed at_least 97"])
        #expect(keys("The ministry said 114 Colombian nationals had died fighting in the ranks of the Ukrainian army.")
            == ["ukraine military killed exact 114"])
    }

    @Test func aRelativeClauseOnTheFiguresNounIsSkippedForItsVerb() {
        #expect(keys("At least 14 Ghanaians who were recruited to fight for Russia have been killed.") == ["russia military killed at_least 14"])
        #expect(keys("The 60 soldiers who had surrendered were executed by Russian forces.") == ["ukraine military killed exact 60"])
        // A relative clause that holds the loss keeps it.
        #expect(keys("Some 70 Russian soldiers who were killed near Kupiansk were buried there.") == ["russia military killed approximately 70"])
    }

    @Test func fightingAgainstASideIsNoServiceInItsRanks() {
        #expect(keys("North Korean troops have suffered 4,700 casualties in the fighting against Ukraine.")
            == ["russia military casualties exact 4700"])
    }

    @Test func theAttackersEnemyLostTheCivilians() {
        #expect(keys("Ukrainian drone and artillery attacks on border regions had killed 210 civilians, the spokeswoman said.")
            == ["russia civilian killed exact 210"])
        #expect(keys("Seven residents were killed as a result of attacks of the AFU, the governor said.") == ["russia civilian killed exact 7"])
    }

    @Test func lossesTakenAreSufferedAndPrisonersTakenAreTheEnemys() {
        #expect(keys("An official said Russia was taking about 900 casualties a day.") == ["russia military casualties approximately 900/day"])
        #expect(keys("Russian troops have taken 300 prisoners near Avdiivka.") == ["ukraine military captured exact 300"])
    }

    @Test func aHandoverBringsTheDeadAndCaptivesHomeToTheirSide() {
        #expect(keys("The mediation secured the return of 410 bodies to Ukraine and 26 to Russia.")
            == ["ukraine military killed exact 410", "russia military killed exact 26"])
        #expect(keys("Kyiv received 900 bodies, while 17 bodies were transferred to the Russian side.")
            == ["ukraine military killed exact 900", "russia military killed exact 17"])
        #expect(keys("In all, 190 prisoners were released and returned to Ukraine.") == ["ukraine military captured exact 190"])
    }

    @Test func aSideAfterOfTheNamesWhoseTheHeadIs() {
        #expect(keys("Some 40 soldiers of the Russian army were killed near Bakhmut.") == ["russia military killed approximately 40"])
        #expect(keys("The bodies of 31 servicemen of the Ukrainian army were handed over.") == ["ukraine military killed exact 31"])
    }

    @Test func theTotalRefersBackToTheLossesNamedBefore() {
        let text = "The army publishes a running count of Russian \"personnel losses\" each morning. On Monday it put the total at 912,340."
        #expect(keys(text) == ["russia military casualties exact 912340"])
        #expect(keys("Russia has not updated its death toll since 2022, when the ministry put the number at under 6,000.")
            == ["russia military killed at_most 6000"])
        // A relative pronoun stands for the noun before it; "publishes" cites.
        let tally = "Ukraine's General Staff publishes a daily tally of Russian personnel losses, which stood at 861,270 on Friday."
        #expect(keys(tally) == ["russia military casualties exact 861270"])
        #expect(speakers(tally) == ["Ukrainian General Staff"])
    }

    @Test func aPartIsOfTheWholesSide() {
        #expect(keys("Moscow said Kyiv has lost up to 2,030 servicemen, including up to 190 servicemen over the past day.")
            == ["ukraine military casualties at_most 2030", "ukraine military casualties at_most 190/day"])
    }

    @Test func anAgentAfterAVerbOfNoHarmIsNoAttacker() {
        #expect(keys("Russian strikes have killed 1,118 civilians in the part of the region controlled by Ukraine.")
            == ["ukraine civilian killed exact 1118"])
    }

    @Test func eachOfTheTwoSidesExchangedItsOwnFigure() {
        #expect(keys("In the largest swap so far, the two sides exchanged 390 prisoners each on Friday.")
            == ["russia military captured exact 390", "ukraine military captured exact 390"])
    }

    @Test func aTotalCountsWhatTheSentenceCountedBeforeIt() {
        #expect(keys("Officials said 1,245 bodies had been returned, bringing the total to 6,057.")
            == ["both military killed exact 1245", "both military killed exact 6057"])
    }

    @Test func aFigureWithAVerbOfItsOwnAfterACommaStartsAClause() {
        #expect(keys("Death toll of Ghanaians fighting for Russia rises to 21, five held as prisoners in Ukraine")
            .first == "russia military killed exact 21")
        #expect(keys("The swap freed 300 captives, 150 from each side.").suffix(2)
            == ["russia military captured exact 150", "ukraine military captured exact 150"])
    }

    @Test func peopleFreedInASwapAreCaptives() {
        #expect(keys("Russia freed 140 Ukrainian soldiers.") == ["ukraine military captured exact 140"])
        #expect(keys("In all, 95 Russian servicemen were released on Friday.") == ["russia military captured exact 95"])
    }

    @Test func whatASideSuffersIsItsSoldiersAfterSentencesOnCivilians() {
        let text = "Russian strikes have killed 12,000 civilians, the mission said. "
            + "The envoy claimed that Russian forces had suffered over 400,000 casualties on the battlefield."
        #expect(keys(text).last == "russia military casualties at_least 400000")
    }

    @Test func aPartitiveOpenerNamesTheLossBeforeTheSentencesBefore() {
        #expect(keys("The mission said 210 civilians were killed and 900 injured in January. Of those killed, 14 were children.").last
            == "ukraine civilian killed exact 14")
    }

    @Test func aFigureNounsDayIsTheCountsNotADaysTally() {
        #expect(keys("The army's daily tally of Russian personnel losses, it said, put the figure at 912,380 on Monday.")
            == ["russia military casualties exact 912380"])
    }

    @Test func whoseSideTheyFoughtOnOrLossesWereInflictedOn() {
        #expect(keys("Moscow claims that 1,035 foreign fighters on Ukraine's side have been killed.") == ["ukraine military killed exact 1035"])
        #expect(keys("The ministry said on Friday its forces had inflicted losses of up to 1,430 servicemen on Ukrainian units.")
            == ["ukraine military casualties at_most 1430"])
        #expect(keys("He said North Korean units had lost \"more than 4,000 people killed and wounded\".")
            == ["russia military casualties at_least 4000"])
    }

    @Test func captivesHeldAndVillagersKilledAreCounted() {
        #expect(keys("The ombudsman said that more than 28,000 civilians, including 1,800 children, are known to be held by Russia.")
            == ["ukraine civilian captured at_least 28000", "ukraine civilian captured exact 1800"])
        #expect(keys("The governor said that two villagers had been killed by Ukrainian shelling.") == ["russia civilian killed exact 2"])
        // "None of the 40 passengers was hurt" counts no one.
        #expect(keys("None of the 40 passengers on the bus was hurt, he added.") == [])
    }

    @Test func thatAfterAPrepositionIsADeterminer() {
        #expect(keys("Moreover, 11 Ukrainian servicemen surrendered to Russian troops in that area during the day.")
            == ["ukraine military captured exact 11/day"])
    }

    @Test func aPartWithALossVerbOfItsOwnSaysIt() {
        #expect(keys("Russian forces had suffered 200,000 casualties, of whom as many as 60,000 may have been killed.")
            == ["russia military casualties exact 200000", "russia military killed at_most 60000"])
        #expect(keys("OHCHR recorded 31,867 injured, including 2,022 children.")
            == ["ukraine civilian wounded exact 31867", "ukraine civilian wounded exact 2022"])
    }

    @Test func theAFUIsUkraine() {
        #expect(keys("The Russian Defence Ministry said the AFU losses amounted to up to 140 troops.") == ["ukraine military casualties at_most 140"])
    }

    @Test func aCityAfterAPrepositionIsWhereNotWhoStruck() {
        #expect(keys("Bell said that in Kyiv alone the strikes killed 33 civilians.") == ["ukraine civilian killed exact 33"])
    }

    @Test func theSamePeriodIsThePeriodOfTheFiguresBefore() {
        let text = """
            Russia lost 1,190 troops over the past 24 hours, Ukraine's military said.

            It put total Russian losses at 883,740.

            Russia said Ukraine had lost "up to 1,340 servicemen" over the same period, including up to 430 near Pokrovsk.
            """
        #expect(keys(text) == [
            "russia military casualties exact 1190/day", "russia military casualties exact 883740",
            "ukraine military casualties at_most 1340/day", "ukraine military casualties at_most 430/day",
        ])
        // A later clause's "same period" is that clause's.
        let later = text + "\n\nSyrskyi said Russia had lost 31,300 troops in October, adding that strikes had hit 80 depots over the same period.\n"
        #expect(keys(later).last == "russia military casualties exact 31300")
    }

    @Test func aDaysFigureQuotedAgainIsOneClaim() {
        let text = """
            The Ukrainian army lost up to 290 servicemen over the past 24 hours, Konashenkov said.

            "The enemy lost up to 290 servicemen and two tanks," the spokesman said.
            """
        #expect(keys(text) == ["ukraine military casualties at_most 290/day"])
    }

    @Test func captivesAreCountedAsSoldiersUnlessCalledCivilians() {
        #expect(keys("Ukraine says nearly 4,000 of its citizens have been returned from Russian captivity.")
            == ["ukraine military captured nearly 4000"])
        #expect(keys("Ukrainian forces had captured two wounded North Korean soldiers.") == ["russia military captured exact 2"])
        #expect(keys("Russia holds 16,000 Ukrainian civilians captive.") == ["ukraine civilian captured exact 16000"])
    }

    @Test func aFigureComparedWithTheOneBeforeCountsTheSame() {
        #expect(keys("Russia's casualties for 2024 were likely around 427,000, up from about 253,000 in 2023.") == [
            "russia military casualties approximately 427000", "russia military casualties approximately 253000",
        ])
    }

    @Test func aPersonIsSomeone() {
        #expect(keys("A glide bomb attack on Zaporizhzhia killed one person and wounded four, the governor said.") == [
            "ukraine civilian killed exact 1", "ukraine civilian wounded exact 4",
        ])
    }

    @Test func aPartOfALossIsASubsetClaim() {
        #expect(keys("More than 9,000 civilians, including over 500 children, have been killed, the UN said.") == [
            "ukraine civilian killed at_least 9000", "ukraine civilian killed at_least 500",
        ])
        #expect(keys("Russia has likely suffered 175,000-200,000 casualties, including 40,000-60,000 killed.") == [
            "russia military casualties range 175000-200000", "russia military killed range 40000-60000",
        ])
    }

    @Test func leakedEstimatesInRanges() {
        let text = "Classified U.S. documents estimate that between 35,500 and 43,000 Russian troops have been killed in action and 154,000 to 180,000 wounded."
        #expect(keys(text) == ["russia military killed range 35500-43000", "russia military wounded range 154000-180000"])
        #expect(speakers(text) == ["US government", "US government"])
    }

    @Test func theEnemyIsTheSideOppositeTheSpeaker() {
        let text = "The total combat losses of the enemy from February 24, 2022 to July 10, 2023 amounted to approximately 233,090 personnel, including 550 over the past day, the General Staff of the Armed Forces of Ukraine reports."
        #expect(keys(text) == ["russia military casualties approximately 233090", "russia military casualties exact 550/day"])
    }

    @Test func aLinkingVerbAfterAModal() {
        #expect(keys("CSIS estimated that Russian casualties could be as high as 200,000 to 250,000, including up to 60,000 killed.") == [
            "russia military casualties range 200000-250000", "russia military killed at_most 60000",
        ])
    }

    @Test func aPlaceOrTheSidesALossIsCountedForStandBeforeAHedgeThatIsTheVerb() {
        #expect(keys("Casualties on both sides have exceeded 1.2 million.") == ["both military casualties at_least 1200000"])
        #expect(keys("The combined toll of killed and wounded on both sides had passed 1.2 million.")
            == ["both military casualties at_least 1200000"])
        #expect(keys("Russian casualties in Ukraine exceed 700,000.") == ["russia military casualties at_least 700000"])
        #expect(keys("Our assessment is that Russian deaths alone now exceed 200,000.") == ["russia military killed at_least 200000"])
    }
    @Test func aHeadlineWhoseHedgeIsItsVerb() {
        #expect(keys("Troop Deaths and Injuries in Ukraine War Near 500,000, U.S. Officials Say") == ["both military casualties nearly 500000"])
    }

    @Test func bothSidesNamedBeforeTheLoss() {
        #expect(keys("The number of Ukrainian and Russian troops killed or wounded is nearing 500,000.") == [
            "both military casualties nearly 500000",
        ])
    }

    @Test func thatNumberRefersToThePreviousSentencesLoss() {
        let text = "Russia's military casualties are approaching 300,000, the officials said. That number includes as many as 120,000 deaths and 170,000 to 180,000 injured troops."
        #expect(keys(text) == [
            "russia military casualties nearly 300000", "russia military killed at_most 120000",
            "russia military wounded range 170000-180000",
        ])
    }

    @Test func wordsForLakhsAndThousandsTogether() {
        #expect(keys("Ukraine's armed forces claimed that more than one lakh fifty thousand Russian soldiers have been killed.") == [
            "russia military killed at_least 150000",
        ])
    }

    @Test func aRateOpeningTheSentence() {
        let text = "Over the past day, the Ukrainian defenders eliminated 680 occupiers, the General Staff said. In total, the enemy has lost about 245,000 personnel."
        #expect(keys(text) == ["russia military killed exact 680/day", "russia military casualties approximately 245000"])
    }

    @Test func theDayThatEndsAPeriodIsNoDaysTally() {
        #expect(keys("The mission says it has recorded 1,900 civilian casualties in Ukraine between the start of the invasion and midnight on 15 March.")
            == ["ukraine civilian casualties exact 1900"])
    }

    @Test func aParticiplesClauseHoldsThePeriodOfTheClauseItHangsOn() {
        #expect(keys("Russian forces attacked 38 settlements in Kherson Oblast over the past day, killing one person and injuring 16.")
            == ["ukraine civilian killed exact 1/day", "ukraine civilian wounded exact 16/day"])
        // Not a clause of its own after a full stop of a clause.
        #expect(keys("Russian forces attacked 38 settlements over the past day; shelling has killed 400 people since May.")
            == ["ukraine civilian killed exact 400"])
    }
    @Test func aLossNounsOwnOfNamesTheSideBeforeTheFiguresOf() {
        #expect(keys("The ministry reported losses of the AFU of up to 1,240 servicemen.") == ["ukraine military casualties at_most 1240"])
        #expect(keys("The ministry reported losses of the enemy for the day of 1,325 servicemen.")
            .allSatisfy { $0.hasSuffix("casualties exact 1325/day") })
    }

    @Test func civiliansOfNoNamedSideAreThoseTheParagraphCounted() {
        let text = "Shelling by the Armed Forces of Ukraine killed 213 residents of the region. Another 1,068 people received wounds."
        #expect(keys(text) == ["russia civilian killed exact 213", "russia civilian wounded exact 1068"])
        // A paragraph further on starts afresh.
        #expect(keys("Shelling by the Armed Forces of Ukraine killed 213 residents of the region.\n\nAnother 1,068 people received wounds.")
            == ["russia civilian killed exact 213", "ukraine civilian wounded exact 1068"])
    }
    @Test func theDeadliestDayIsADaysTally() {
        #expect(keys("On its deadliest day, Russia lost 2,030 troops.") == ["russia military casualties exact 2030/day"])
        #expect(keys("Russia's deadliest day came on November 28, when 2,030 Russian troops were killed.")
            == ["russia military killed exact 2030/day"])
        // Not the deadliest month.
        #expect(keys("Russia's deadliest month came in November, when 45,000 Russian troops were killed.")
            == ["russia military killed exact 45000"])
    }
    @Test func aFigureOpeningItsLineCountsWhatFollowsTheDash() {
        #expect(keys("• 55,000 — Ukrainian soldiers killed, the figure President Zelensky gave last month.")
            == ["ukraine military killed exact 55000"])
        #expect(keys("• 6,400+ — Ukrainians freed from Russian captivity since 2022.") == ["ukraine military captured at_least 6400"])
        // Inside a sentence a dash opens an aside, not the figure's noun.
        #expect(keys("Russia has lost 5,000 — Ukrainian soldiers say — in the battle.").allSatisfy { !$0.hasPrefix("ukraine") })
    }
    @Test func aRateClosingTheOpeningPhraseHoldsForTheSentence() {
        #expect(keys("As a result of Russian attacks over the past day, 9 civilians were killed and 38 wounded.")
            == ["ukraine civilian killed exact 9/day", "ukraine civilian wounded exact 38/day"])
    }

    @Test func figuresAColonOpensWithTakeThePeriodOfTheClauseBefore() {
        #expect(keys("Occupiers during day shelled Kherson oblast 87 times: 2 persons killed, 9 wounded")
            == ["ukraine civilian killed exact 2/day", "ukraine civilian wounded exact 9/day"])
        // Not a total the clause after the colon names.
        #expect(keys("Russia lost 1,000 soldiers over the past day: the total is 500,000.")
            == ["russia military casualties exact 1000/day", "russia military casualties exact 500000"])
    }

    @Test func aVerbWithNoSubjectOfItsOwnContinuesTheClausesPeriod() {
        #expect(keys("In Kherson oblast for past day due to Russian shellings perished 1 person, wounded 14.")
            == ["ukraine civilian killed exact 1/day", "ukraine civilian wounded exact 14/day"])
        // A clause with a subject of its own keeps its own period.
        #expect(keys("Over the past day shelling killed 1 person, and since May shelling has wounded 14 people.")
            == ["ukraine civilian killed exact 1/day", "ukraine civilian wounded exact 14"])
    }
    @Test func thePeopleASentenceOpensWithAreThoseItCounts() {
        #expect(keys("And for civilians, the United Nations says at least 10,582 have been killed and nearly 20,000 injured.")
            == ["ukraine civilian killed at_least 10582", "ukraine civilian wounded nearly 20000"])
        #expect(keys("For Russian soldiers, the toll is worse: 70,000 have been killed.") == ["russia military killed exact 70000"])
    }
    @Test func theMissingAreSoldiersUnlessNamedCiviliansBeforeTheFigure() {
        #expect(keys("According to the Commissioner for Persons Missing under Special Circumstances, more than 70 thousand Ukrainians are registered as missing.")
            == ["ukraine military missing at_least 70000"])
        #expect(keys("More than 35,000 Ukrainians are listed as missing, of whom roughly 2,600 are civilians.")
            == ["ukraine military missing at_least 35000", "ukraine civilian missing approximately 2600"])
        // A headline in title case is no name.
        #expect(keys("Russia Says Ukrainian Losses Top 5,000 In Kursk") == ["ukraine military casualties at_least 5000"])
    }
    @Test func anAsideMayStandBetweenTheLossAndItsLink() {
        #expect(keys("Russia's irrecoverable losses, that is, killed, are somewhere over 300,000 people.")
            == ["russia military killed at_least 300000"])
        #expect(keys("Russian losses, the ministry said, are over 300,000.") == ["russia military casualties at_least 300000"])
        // People a loss word, not "losses", links to keep their own population.
        #expect(keys("By its data, perished 12 164 civil persons. Wounded were 26 871 persons.")
            == ["ukraine civilian killed exact 12164", "ukraine civilian wounded exact 26871"])
    }
    @Test func aDefiniteTotalTakesTheNearestLossWhoseSideTheSentenceNames() {
        let text = "The General Staff, which publishes a daily figure for Russian 'personnel losses' that makes no distinction between killed and wounded, said the total had reached 1,149,610."
        #expect(keys(text) == ["russia military casualties exact 1149610"])
    }
    @Test func aFigureNounOpeningAParagraphCountsTheLossJustCounted() {
        let text = "Warsaw is hosting around 180,000 Ukrainian refugees, the mayor said.\n\nIn Kraków, the figure is somewhere near 100 000."
        #expect(keys(text) == ["ukraine civilian refugees approximately 180000", "ukraine civilian refugees nearly 100000"])
    }
    @Test func prisonersRecruitedAreConvictsTurnedSoldiers() {
        #expect(keys("Mediazona has confirmed 26,801 Russian soldiers killed. Of them, 5,032 were prisoners recruited by Wagner.")
            == ["russia military killed exact 26801", "russia military killed exact 5032"])
    }

    @Test func aRelativeClauseIsReadPastAnOrdinalInTheNounsOfPhrase() {
        #expect(keys("Verstka has identified 1,013 Russian servicemen of the 155th brigade who were killed.")
            == ["russia military killed exact 1013"])
    }
    @Test func aSwapsPeopleNamedByTheirNationAloneAreCaptives() {
        #expect(keys("The last exchange took place on 5 February: 150 Ukrainians returned home, and 150 Russian servicemen were handed over to Russia.")
            == ["ukraine military captured exact 150", "russia military captured exact 150"])
        // Not without a swap.
        #expect(keys("Some 150 Ukrainians returned home from Poland last week.") == [])
    }
    @Test func aLossNounsOwnerNamesTheSideOfItsVerb() {
        #expect(keys("Since the start of the year, the enemy's losses have exceeded 560,000 people, Belousov said.")
            == ["ukraine military casualties at_least 560000"])
        #expect(keys("Ukraine's losses have exceeded 400,000, the ministry said.") == ["ukraine military casualties at_least 400000"])
    }
    @Test func theMissingAfterCiviliansCountedAreCivilians() {
        #expect(keys("Among the dead are five children, the governor said. Twenty people are still unaccounted for.")
            == ["ukraine civilian killed exact 5", "ukraine civilian missing exact 20"])
        // With no civilians before, the missing of a war are soldiers.
        #expect(keys("More than 63,000 people are registered as missing.") == ["both military missing at_least 63000"])
    }
    @Test func theMercenaryGroupFightsForRussia() {
        #expect(keys("The mercenary group had suffered more than 4,100 killed, Kirby said.") == ["russia military killed at_least 4100"])
    }
    @Test func aSecondObjectAfterABareFigureIsNotItsNoun() {
        #expect(keys("An official put Ukrainian military deaths at 90,000 and Russian deaths at double that.")
            == ["ukraine military killed exact 90000"])
        // "put at" is no hedge.
        #expect(keys("The General Staff reports only Russian losses, which it put at 894,330 killed and wounded.")
            == ["russia military casualties exact 894330"])
    }
    @Test func aPeriodAfterVerbsInThePresentHoldsForTheFiguresBefore() {
        #expect(keys("Russian attacks kill 5, injure 27 over past day\n\nThe text.")
            == ["ukraine civilian killed exact 5/day", "ukraine civilian wounded exact 27/day"])
    }
    @Test func aRoundupsRegionalTollsArePartsOfTheDays() {
        let text = "Russian attacks killed five people and injured 27 others across Ukraine over the past day, officials said. "
            + "In Donetsk Oblast, Russian attacks killed three people and injured nine others, the governor said. "
            + "In Kyiv, a strike on an apartment block killed one person, the mayor said. "
            + "Since February 2022, 606 civilians have been killed in the region."
        #expect(keys(text) == [
            "ukraine civilian killed exact 5/day", "ukraine civilian wounded exact 27/day",
            "ukraine civilian killed exact 3/day", "ukraine civilian wounded exact 9/day",
            "ukraine civilian killed exact 1", "ukraine civilian killed exact 606",
        ])
    }
    @Test func aFigureWithItsNounLeftOutRightAfterAndTakesTheHedgeToo() {
        #expect(keys("The UN refugee agency said that about 5.7 million Ukrainians were recorded as refugees in Europe, and 6.9 million worldwide.")
            == ["ukraine civilian refugees approximately 5700000", "ukraine civilian refugees approximately 6900000"])
        // Not "another" figure.
        #expect(keys("The model shows roughly 25,000 Russian soldiers' deaths in 2022 and another 22,000 in 2023.")
            == ["russia military killed approximately 25000", "russia military killed exact 22000"])
    }
    @Test func aFigureWithItsNounLeftOutRepeatsTheOneBefore() {
        #expect(keys("UNHCR has recorded 5.97 million refugees from Ukraine in Europe, and some 6.5 million worldwide.")
            == ["ukraine civilian refugees exact 5970000", "ukraine civilian refugees approximately 6500000"])
        #expect(keys("More than 6.8 million Ukrainians are refugees abroad. "
            + "Germany hosts the largest number, about 1.2 million, followed by Poland with nearly one million.")
            == ["ukraine civilian refugees at_least 6800000", "ukraine civilian refugees approximately 1200000",
                "ukraine civilian refugees nearly 1000000"])
    }
    @Test func aFigureSetBesideTheNounAVerbTakesIsTheVerbs() {
        #expect(keys("Germany hosted the largest number (1.25 million), followed by Poland (955,000).")
            == ["ukraine civilian refugees exact 1250000", "ukraine civilian refugees exact 955000"])
    }
    @Test func aPartTheSentenceOpensWithIsOfTheLossBefore() {
        #expect(keys("More than 63,000 Ukrainian soldiers are missing. Roughly 55,000 of them are servicemen.")
            == ["ukraine military missing at_least 63000", "ukraine military missing approximately 55000"])
        // A bound on an age after people is no figure.
        #expect(keys("More than a million Ukrainians are refugees in Germany. Around 350,000 of them are children and adolescents under 18.")
            == ["ukraine civilian refugees at_least 1000000", "ukraine civilian refugees approximately 350000"])
    }
    @Test func aFigureInsideAPeriodsWordsIsThePeriods() {
        // As translated text writes a day's tally.
        #expect(keys("Russia army in past one day loss 490 people.") == ["russia military casualties exact 490/day"])
    }
    @Test func aListOfPlacesAndFiguresSharesTheFirstFiguresLoss() {
        #expect(keys("Hungary has received 116,300 refugees, Moldova 80,000, Slovakia 67,000 and Romania 51,000.") == [
            "ukraine civilian refugees exact 116300", "ukraine civilian refugees exact 80000",
            "ukraine civilian refugees exact 67000", "ukraine civilian refugees exact 51000",
        ])
        #expect(keys("The portal showed 2,011,312 people had crossed from Ukraine into neighbouring countries.")
            == ["ukraine civilian refugees exact 2011312"])
        #expect(keys("Moldova is sheltering about 107,000 Ukrainians, UNHCR said.") == ["ukraine civilian refugees approximately 107000"])
    }
    @Test func aCountryReceivingPeopleWhileTheTextCountsRefugeesReceivesRefugees() {
        #expect(keys("About 900,000 refugees have entered Poland. Romania has received 75,000 people and Moldova 96,000.") == [
            "ukraine civilian refugees approximately 900000", "ukraine civilian refugees exact 75000",
            "ukraine civilian refugees exact 96000",
        ])
        #expect(keys("The hospital received 12 people overnight.").isEmpty)
    }
    @Test func aFigureAnAbsoluteClauseGivesSharesTheLossBeforeIt() {
        #expect(keys("Germany has registered 1,100,000 refugees, with Czechia hosting 380,000 and Austria 90,000.") == [
            "ukraine civilian refugees exact 1100000", "ukraine civilian refugees exact 380000",
            "ukraine civilian refugees exact 90000",
        ])
        // Not past a figure of things between.
        #expect(keys("Russia's losses amount to: personnel – 51,000, tanks – 930, fuel trucks and armoured cars – 2,100.") == [
            "russia military casualties exact 51000",
        ])
    }
    @Test func aPartInWordsNamedByOfThemCountsAsItsDigitsWould() {
        #expect(keys("A missile strike on Kryvyi Rih killed 20 people, nine of them children.")
            == ["ukraine civilian killed exact 20", "ukraine civilian killed exact 9"])
        // One of them is a person, and "two of the soldiers" a partitive.
        #expect(keys("Three Ukrainian soldiers were killed, one of them a commander.") == ["ukraine military killed exact 3"])
        #expect(keys("Two of the soldiers later died.").isEmpty)
    }
    @Test func aPartASentenceOpensWithIsOfTheDayOfTheTallyBefore() {
        #expect(keys("Ukraine lost up to 1,350 servicemen over the past day. Of these, up to 415 were lost near Kharkiv.")
            == ["ukraine military casualties at_most 1350/day", "ukraine military casualties at_most 415/day"])
        // Not a figure larger than the tally.
        #expect(keys("Ukraine lost up to 1,350 servicemen over the past day. Of these, 20,000 had been mobilised.")
            .allSatisfy { !$0.contains("20000/day") })
    }
    @Test func aPartOfADaysTallyPastAClauseIsOfThatDay() {
        #expect(keys("The ministry put the Ukrainian army's losses over the past 24 hours at up to 1,240 servicemen in all areas, "
            + "including up to 440 troops in the area of the Battlegroup Tsentr.")
            == ["ukraine military casualties at_most 1240/day", "ukraine military casualties at_most 440/day"])
        #expect(keys("On that single day, 43 civilians were killed and 190 injured in Kyiv.")
            == ["ukraine civilian killed exact 43/day", "ukraine civilian wounded exact 190/day"])
    }
    @Test func aPartOfADaysTallyByOfWhomOrOfThemIsOfThatDay() {
        #expect(keys("Russia lost 402 people over the past day in his sector, of whom 151 were killed.")
            == ["russia military casualties exact 402/day", "russia military killed exact 151/day"])
        #expect(keys("Russia lost 214 troops on this axis over the past day, 131 of them irrecoverably.")
            == ["russia military casualties exact 214/day", "russia military killed exact 131/day"])
        // A larger figure is a part of another.
        #expect(keys("Russian forces lost 48,240 personnel killed and wounded in January — or roughly 1,556 casualties per day — "
            + "and Ukrainian forces inflicted 15,120 of those casualties in the Pokrovsk direction alone.")
            == ["russia military casualties exact 48240", "russia military casualties approximately 1556/day",
                "russia military casualties exact 15120"])
    }
    @Test func aListOfEquipmentLostBesideTheFigureSharesItsPeriod() {
        #expect(keys("The Ukrainian army lost up to 425 troops, a tank, four armored combat vehicles, including a US-made M113 "
            + "armored personnel carrier, and six motor vehicles over the past day.") == ["ukraine military casualties at_most 425/day"])
        #expect(keys("Ukraine lost up to 190 troops, an infantry fighting vehicle and a Bradley fighting vehicle made in the United States over the past day.")
            == ["ukraine military casualties at_most 190/day"])
    }
    @Test func wordsSetOffBetweenAVerbAndItsFigure() {
        #expect(keys("In November alone Russia lost, on average, 500 soldiers per day.") == ["russia military casualties exact 500/day"])
    }
    @Test func whomTroopsFightIsNotWhoseRanksTheyAreIn() {
        #expect(keys("North Korea has suffered about 4,900 casualties among the troops it sent to help Russia fight Ukraine, "
            + "including some 650 killed.")
            == ["russia military casualties approximately 4900", "russia military killed approximately 650"])
    }
    @Test func aHandoverInAnotherClauseLeavesAnAttacksDayATally() {
        #expect(keys("The exchange began on Friday, and Russian strikes, which on Sunday killed 12 people, have undermined it.")
            == ["ukraine civilian killed exact 12/day"])
        #expect(keys("The bodies of 1,000 soldiers were repatriated on Friday.") == ["both military killed exact 1000"])
    }
    @Test func soldiersAndCiviliansWhoReturnedHomeWereCaptives() {
        #expect(keys("Zelensky said 150 servicemen and seven civilians had returned home.")
            == ["ukraine military captured exact 150", "ukraine civilian captured exact 7"])
        // Civilians alone coming home are no captives.
        #expect(keys("About 500 civilians have returned home to Kherson since the liberation.") == [])
    }
    @Test func whomACountryGrantsProtectionAreRefugees() {
        #expect(keys("The Czech Republic has granted protection to nearly 500,000 Ukrainians.") == ["ukraine civilian refugees nearly 500000"])
        #expect(keys("Estonia's Police and Border Guard Board said it had granted temporary protection to more than 51,000 people from Ukraine.")
            == ["ukraine civilian refugees at_least 51000"])
        #expect(keys("More than 6 million Ukrainians are refugees in Europe. "
            + "Poland hosts the largest number, with over 1.56 million registered, followed by Germany with more than 1 million.")
            == ["ukraine civilian refugees at_least 6000000", "ukraine civilian refugees at_least 1560000",
                "ukraine civilian refugees at_least 1000000"])
    }
    @Test func aTollOfADaysAttackIsNoDaysTally() {
        #expect(keys("The governor said 43 people had been wounded in Saturday's attack on a hardware store.")
            == ["ukraine civilian wounded exact 43"])
        #expect(keys("The United States lost fewer than 4,500 troops in nine years of war in Iraq.") == [])
    }
    @Test func theFirstPersonWhoCountsIsNotTheLoser() {
        #expect(keys("We have confirmed the deaths of 5,302 Russian officers.") == ["russia military killed exact 5302"])
        #expect(keys("We have lost 31,000 soldiers, Zelensky said.") == ["ukraine military casualties exact 31000"])
    }
    @Test func aFigureOfAnotherOrderIsNotComparedWithARate() {
        #expect(keys("Russia sustained an estimated 430,000 casualties, an average of 1,180 per day, compared with around 253,000 in 2023.")
            == ["russia military casualties approximately 430000", "russia military casualties exact 1180/day",
                "russia military casualties approximately 253000"])
    }
    @Test func executedPrisonersOfWarAreSoldiersAfterCivilians() {
        #expect(keys("The Mission has verified 12,654 civilian deaths. "
            + "It has documented the summary execution of at least 79 Ukrainian prisoners of war since August 2024.")
            == ["ukraine civilian killed exact 12654", "ukraine military killed at_least 79"])
    }
    @Test func aShareOfAFigureIsNoRatio() {
        #expect(keys("They make up a small share of the more than 6.3 million refugees from Ukraine.")
            == ["ukraine civilian refugees at_least 6300000"])
        #expect(keys("The ratio of losses in the Pokrovsk direction was 1 to 7.") == [])
        // A small figure further on in the ratio's clause is part of it too.
        #expect(keys("The Economist pegged the wounded-to-killed ratio for Russians at three to four soldiers wounded for one killed.") == [])
        #expect(keys("The estimates place the ratio of Russian to Ukrainian casualties at roughly 2.5 to 1.") == [])
    }
    @Test func theInjuredALinkingVerbCountsOfAnAttackAreCivilians() {
        #expect(keys("The number of injured as a result of the morning attack on Zaporizhzhia has increased to 7.")
            == ["ukraine civilian wounded exact 7"])
    }
    @Test func peopleAddedToAFigureShareItsLoss() {
        #expect(keys("She said that more than 100,000 Ukrainian soldiers had been killed since the invasion, along with more than 20,000 civilians.")
            == ["ukraine military killed at_least 100000", "ukraine civilian killed at_least 20000"])
    }
    @Test func aClauseAfterTheFiguresRepeatsThemForAnotherSide() {
        let text = "Milley said that Russia had seen \"well over 100,000\" soldiers killed and wounded, "
            + "and that it was \"probably the same\" on the Ukrainian side."
        #expect(keys(text) == ["russia military casualties well_over 100000", "ukraine military casualties well_over 100000"])
    }
    @Test func soldiersOfATextThatNamesOneSideAreItsSoldiers() {
        let text = "The 155th Marine Brigade is one of the most decorated units of the Russian army. "
            + "Verstka has established the names of 1,013 servicemen of the brigade who were killed."
        #expect(keys(text) == ["russia military killed exact 1013"])
        #expect(speakers(text) == ["Verstka"])
        // A text that has named both sides leaves them unsaid.
        #expect(keys("Russia and Ukraine have fought for two years. Some 500,000 soldiers have been killed or wounded.")
            == ["both military casualties approximately 500000"])
    }
    @Test func aPartOfTheEnemysLossesInTheNextSentenceIsTheEnemys() {
        let text = "Over these six months the enemy has lost 52,000 soldiers in the Kursk direction, Zelensky said. "
            + "Of them, about 20,000 are irrecoverable losses."
        #expect(keys(text) == ["russia military casualties exact 52000", "russia military killed approximately 20000"])
    }
}
