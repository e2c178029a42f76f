import Testing
@testable import ClaimExtraction

/// Figures that are not loss estimates: nothing is extracted from them.
@Suite struct NonClaimTests {
    @Test(arguments: [
        "He noted that Russia had amassed 20,000 to 30,000 troops in the city.",
        "Argentina lost 649 servicemen in the 1982 Falklands War against Britain.",
        "Pearl Harbor, in which more than 2,400 Americans were killed in 1941, was a terrible morning, he said.",
        "Russia has deployed about 190,000 troops along the border.",
        "Putin called up nearly 300,000 reservists for the war in Ukraine in September.",
        "Russia mobilised 300,000 reservists, the Kremlin said.",
        "Russian forces have targeted 1,067 military bases, including 17 command posts and 56 radar systems.",
        "Russia has lost more than 3,000 tanks, according to Oryx.",
        "If the war drags on, historians may well conclude that the two armies together lost half a million dead.",
        "Ukraine received 31 Abrams tanks and 14 Leopard 2 tanks.",
        "An estimated 15,000 Soviet soldiers died in the 1979-89 Afghanistan conflict.",
        "More than 400,000 American soldiers died in World War II.",
        "Colombia's internal conflict left some 450,000 dead over half a century.",
        "In the Malvinas, Argentina had 649 dead.",
        "The invasion began on February 24, 2022.",
        "The session on February 23 will vote on the resolution.",
        "A 19-year-old soldier from Lviv was among those buried on Friday.",
        "Men aged 18 to 60 may not leave the country.",
        "The average age of the soldiers identified in the latest update is 37, older than in the first year of the war.",
        "The Interior Ministry expects the number of Ukrainian refugees in Germany to exceed 1.3 million by next spring.",
        "Ukraine has lost 30% of its artillery, officials said.",
        "The army has lost 40 percent of its soldiers' equipment.",
        "The US has sent $1.5 billion in aid to Ukraine.",
        "Russia spends 50 billion dollars a year on its army.",
        "There are no vetoes in the 193-member international organization.",
        "NATO's 31 members met in Vilnius.",
        "The resolution was backed by 141 countries.",
        "Advertisement",
        "Leave a Reply\nYour email address will not be published. Required fields are marked *",
        "Please enter your comment!\nPlease enter your name here",
        "Share this article: 1,024 comments",
        "Ukraine is a country of 44 million people.",
        "The war has entered its 500th day.",
        "Russia fired 70 missiles overnight.",
        "Analysts said Russia could lose another 40,000 men before the town falls.",
        "[12] https://t.me/example_channel/48213",
        "For comparison, the Soviet Union lost about 15,000 soldiers in ten years of war in Afghanistan.",
        "Student Arjun Mehta, 22, was wounded in the shelling.",
        "The mission interviewed 60 former Ukrainian prisoners of war; 52 of them described torture.",
        "Of these, 310 were former prisoners recruited by Wagner.",
        "Ukraine will likely suffer 20,000 casualties in the offensive.",
        "Russia is losing roughly three soldiers for every Ukrainian, analysts say.",
        "For every soldier killed, there are typically about three wounded.",
        "In the forged copy Ukraine's losses did not reach 71,500 dead, and Russia's did not stop at 17,500.",
        // Forecasts whose verb of reaching is the hedge, and a condition
        // the main clause denies.
        "Generals in Kyiv expect Russian casualties to top 900,000 before the winter.",
        "Russian casualties are set to exceed 150,000 by the spring, officers say.",
        "At this rate, their wounded could be 600,000 by the end of next year.",
        "If Russia had lost 700,000 soldiers in a single year, its army would have collapsed.",
        "The median age of the soldiers killed has climbed to 41, up from 30 in the first months of the war.",
        "About 1,900 soldiers died during the three decades of war in Afghanistan.",
        "In tennis, the world number one has withdrawn from next week's tournament with a wrist injury.",
        "Both sides freed all seriously wounded captives and those aged under 25.",
        "Moscow, with a population of more than 13 million, remains near the bottom of the list.",
        "The officials cautioned that the estimate doesn't mean 600,000 Russians have died.",
        "Baku said 192 Azerbaijani soldiers were killed, while Armenian separatist forces said they lost around 200 fighters.",
    ])
    func nothingIsTaken(text: String) {
        #expect(keys(text) == [])
    }

    @Test func aParagraphOnAnotherWarStaysOnItUntilASideIsNamed() {
        let text = """
            In Sudan, fighting that broke out in April has killed more than 12,000 people. More than 6.7 million people have been displaced, including 1.4 million who fled abroad. Ukraine says 10,000 civilians have been killed.

            More than 500 people have been killed in Kharkiv since May.
            """
        #expect(keys(text) == ["ukraine civilian killed exact 10000", "ukraine civilian killed at_least 500"])
    }

    @Test func aComparableFigureDeniedRepeatsNothing() {
        let text = "Kyiv said 8,000 Russian soldiers were held in Ukraine. Moscow does not publish a comparable figure for Ukrainians."
        #expect(keys(text) == ["russia military captured exact 8000"])
    }

    @Test func aHandoverOfferedAndARatioSetFarFromItsNounAreNoCounts() {
        #expect(keys("Moscow has said it is ready to transfer another 3,000 bodies in the coming weeks.") == [])
        #expect(keys("He said the ratio of losses in the Pokrovsk direction was 1 to 7 in Ukraine's favour.") == [])
    }

    @Test(arguments: [
        "The envoy said 314 prisoners would be released, without giving details.",
        "Another 120 captives are expected to be exchanged next week, the negotiator said.",
        "The talks produced an agreement to exchange the bodies of 6,000 fallen soldiers from each side.",
        "The mediator has helped broker 14 prisoner exchanges between the two countries.",
    ])
    func aSwapStillToComeOrCountedInSwapsIsNoCount(text: String) {
        #expect(keys(text) == [])
    }

    @Test func aSwapDoneIsACountThoughItWasOnceToCome() {
        #expect(keys("Since the spring, Ukraine has managed to return more than 6,000 bodies of fallen soldiers.") == [
            "ukraine military killed at_least 6000",
        ])
        #expect(keys("The president said the last 303 Ukrainian captives scheduled to be released had come home from Russia.") == [
            "ukraine military captured exact 303",
        ])
    }

    @Test func aQuestionsFigureIsAskedNotStated() {
        #expect(keys("Asked whether Poland was now home to three million Ukrainian refugees, the minister was categorical.") == [])
        #expect(keys("It is unclear whether Russia lost 500 soldiers in the assault.") == [])
        // The clause after the question states its own.
        #expect(keys("Asked whether more had died, he said 500 Russian soldiers were killed.") == ["russia military killed exact 500"])
    }

    @Test func aLossStillToComeBeforeADeadlineIsNoClaim() {
        #expect(keys("At this rate, the losses could exceed 100,000 before the end of the year.") == [])
    }
    @Test func peopleDisplacedInsideTheCountryAreNoRefugees() {
        #expect(keys("There are over 8 million Ukrainian refugees across Europe and 5 million displaced inside the country.")
            == ["ukraine civilian refugees at_least 8000000"])
    }

    @Test func refugeesOfThisWarInACountryNamedForAnotherAreClaims() {
        #expect(keys("Israel has nonetheless taken in some 15,000 Ukrainian refugees.") == ["ukraine civilian refugees approximately 15000"])
        #expect(keys("Israel says 1,200 of its soldiers have been killed.") == [])
    }

    @Test func theWarsOfTheFormerYugoslaviaAreAnotherWar() {
        #expect(keys("It is the highest toll in Europe since the wars in the former Yugoslavia, in which some 140,000 people were killed.") == [])
    }
}
