"""Key-figure labels name the measure with the words the sentence gives, not only its head noun."""

from __future__ import annotations

import pytest

from briefgen.analysis.facts import extract_facts


def _labels(sentence: str) -> dict[str, str]:
    kinds = ("money", "percent", "measure", "share", "number")
    return {value: label for kind, label, value in extract_facts(sentence) if kind in kinds}


@pytest.mark.parametrize(
    ("sentence", "value", "label"),
    [
        # a head noun with the figure as its "of": what follows completes the head
        ("Norland set a target of USD 40 billion for grain exports by 2031.",
         "USD 40 billion by 2031", "Target for grain exports"),
        # a counted noun keeps its owner and its complement
        ("Half of Pellmark’s 9,000 workers will move to the new plant.", "9,000",
         "Pellmark’s workers"),
        ("Floods cut power to the 3 million residents of Osterby on Sunday.", "3 million",
         "Residents of Osterby"),
        # a noun used as a noun after a noun: "tender offer", "export controls"
        ("Holders are waiting for a $2 billion tender offer by the parent group.",
         "$2 billion", "Tender offer"),
        # a determiner inside the attachment does not end the phrase
        ("Household debts in this region total $4.1 trillion.", "$4.1 trillion",
         "Household debts in this region"),
        # "exports to X": the noun's own complement
        ("Timber exports to Vastland fell to $3.2 billion last year.", "$3.2 billion",
         "Timber exports to Vastland"),
        # an "-ed" adjective opens the complement; a comma before a clause ends it
        ("The clerk faces four counts of forged payroll records.", "four",
         "Counts of forged payroll records"),
        ("The recipe asks for three cups of flour, but honey works too.", "three", "Cups of flour"),
        ("A 6% wage increase was agreed.", "6%", "Wage increase"),
        # a percentage "of" a whole is a share of it
        ("Over 70% of respondents said no.", "Over 70%", "Share of respondents"),
        ("Norland makes 90% of the region's wind turbines.", "90%",
         "Share of region's wind turbines"),
        # "with prior guidance of 4%": the figure's own head after a preposition
        ("Sales grew 3%, compared with prior guidance of 4.5%.", "4.5%", "Prior guidance"),
        # a results line: the name before the count is whose it is
        ("Westfield (2-1): Amara Oduya 14 points.", "14", "Amara Oduya’s points"),
        # an age, and a number "of these" nouns
        ("Mayor Quint is 58 years old.", "58 years old", "Mayor Quint’s age"),
        ("Norland had the most, with more than 4 million of these visits.",
         "more than 4 million", "Visits"),
        # a bare head is named by the short clause after it
        ("The deal averts the 40% levy Norland had threatened from May.", "40%",
         "Levy threatened by Norland"),
        # a time adjunct before the verb is not what the figure measures
        ("The mean rent of a small flat rented privately in March was $1,250.", "$1,250",
         "Rent of a small flat"),
    ],
)  # fmt: skip
def test_a_label_takes_the_fuller_noun_phrase(sentence: str, value: str, label: str) -> None:
    labels = _labels(sentence)
    assert labels.get(value) == label, labels
    assert len(label.split()) <= 6


@pytest.mark.parametrize(
    ("sentence", "value", "label"),
    [
        # what follows belongs to the figure, not to the head
        ("The clerk faces a maximum of 12 years in prison.", "12 years", "Maximum prison term"),
        # "on 1 March", "in the past decade": when, not what
        ("The mill had 4,200 workers on 1 March.", "4,200", "Workers"),
        ("The town grew by more than 2 million people in the past decade.", "more than 2 million",
         "Growth in town"),
        # an adjective of a list is not the noun
        ("Three sizes of soft, rounded ear tips come in the box.", "Three", "Sizes"),
    ],
)  # fmt: skip
def test_a_label_takes_no_words_that_do_not_name_the_measure(
    sentence: str, value: str, label: str
) -> None:
    assert _labels(sentence).get(value) == label


@pytest.mark.parametrize(
    ("sentence", "value", "label"),
    [
        # a wire service's instrument code after the name is not part of the label
        ("Zinc ZNQ4 rose 1.2% to $2,400 a tonne.", "1.2%", "Zinc’s rise"),
        ("Oats OATc2 slipped 2.1% on the day.", "2.1%", "Fall in oats"),
        ("The regional gauge .GLXR0000PUS gained 0.4% by noon.", "0.4%", "Rise in regional gauge"),
        # a name with digits stays whole
        ("The Zento X5 Blender sells for $89.", "$89", "Price of Zento X5 Blender"),
        # "we believe": the subject is what follows the verb of thinking
        ("We believe Q2 margins would have been close to 7%.", "close to 7%", "Q2 margins"),
        # a phrase too long keeps its head, the last word
        ("The big old blue riverside garden tool shop grew 4% in May.", "4%",
         "Growth in riverside garden tool shop"),
        # the head before a preposition: "revenues from the tariffs"; too long, the head alone
        ("Revenues from the new port fees have totaled $9 million.", "$9 million",
         "Revenues from new port fees"),
        ("Sales in the big old blue riverside garden tool shop rose 4% in May.", "4%",
         "Rise in sales"),
    ],
)  # fmt: skip
def test_a_label_is_the_measure_not_a_code_or_a_verb(sentence: str, value: str, label: str) -> None:
    assert _labels(sentence).get(value) == label


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a period that dates something is when, not a measure
        ("Sales of the tablet doubled in the past 8 months.", "8 months"),
        ("Owners will replace this kettle in two years.", "two years"),
        # a count of a noun said before: "eight" of the companies
        ("Judges chose two winners from nine that sent entries.", "nine"),
        # a multiplier, an idiom, a shop, a name with a number in it
        ("Smog reached 40 times the safe limit on Monday.", "40"),
        ("Fines were paid to the tune of $3 billion last year.", "$3 billion"),
        ("Buy it at Shopwell for $45.", "$45"),
        ("The town was founded after the Nine-Day Revolt.", "Nine-Day"),
        # "N years ago" dates; a preposition's object after "the" is not the subject
        ("The firm began 12 years ago in a garage.", "12 years"),
        ("Shoppers bought it on the Norland store for $45.", "$45"),
        # a model number after a name is no count: "Zento 5 blenders"
        ("Zento 5 blenders start at $80 in most shops this winter.", "5"),
        # a ratio's second number is not a count of its noun
        ("Nine out of 10 growers now sell online.", "10"),
        ("One in 20 adults owns a kayak.", "20"),
        # a verb, participle or adjective before the figure names nothing
        ("Riders need to rest for 40 minutes between stages.", "40 minutes"),
        ("The thrusters will fire for 8 minutes at launch.", "8 minutes"),
        ("Oat futures were last trading up 0.9%.", "0.9%"),
        ("Bond yields reached their highest in 3 years.", "3 years"),
        ("That's good for nearly $90 off the list price.", "nearly $90"),
        # a preposition's object is not the subject: "exile to Norland for six years"
        ("He has avoided extradition to Norland for six years.", "six years"),
        # a converted figure in brackets repeats the one before it
        ("About 3 inches (76.2 millimetres) of snow fell on Monday.", "76.2 millimetres"),
    ],
)  # fmt: skip
def test_a_figure_with_no_nameable_measure_stays_out(sentence: str, value: str) -> None:
    assert value not in _labels(sentence)


# Kinds of wrong label seen on real pages, each in a sentence of our own: the label must name
# what the figure measures (or be "", so the figure gets no row), and the value reads as written.
@pytest.mark.parametrize(
    ("sentence", "value", "label"),
    [
        # hyphenated compounds stay whole; the noun they modify is what they measure
        ("The council agreed a five-year timescale for the new harbour.", "five-year",
         "Timescale for new harbour"),
        ("Doctors ordered a 21-day recuperation period.", "21-day", "Recuperation period"),
        ("Gardeners should leave a six-inch gap between rows.", "six-inch", "Gap between rows"),
        # an age is whose it is, not the clause around it
        ("Prince Arvel, the nearly 60-year-old younger brother of the king, spoke.",
         "nearly 60-year-old", "Prince Arvel’s age"),
        ("A kidnapped 8-year-old Ashford girl was found safe.", "8-year-old",
         "Age of Ashford girl"),
        # a movement verb makes the figure the movement, not the thing that moved
        ("The stock rose more than 2% in early trading.", "more than 2%", "Rise in stock"),
        ("On Tuesday, Velmar fell 3.5% in thin trade.", "3.5%", "Velmar’s fall"),
        ("Shares of Velmar fell 3.5% on Tuesday.", "3.5%", "Fall in shares of Velmar"),
        # "worth": the value of the noun just before, not of an earlier object
        ("Tarnco bought a majority stake in Pellis in a deal worth $600 million.",
         "$600 million", "Value of deal"),
        ("Trade between the two blocs is worth about $1.7 trillion a year.",
         "about $1.7 trillion a year", "Value of trade between two blocs"),
        ("The order is valued at $8.8 billion at list prices.", "$8.8 billion", "Value of order"),
        ("The index closed 1.2% higher.", "1.2%", "Rise in index"),
        # a money figure before a bare noun names it; "worth of" names the goods
        ("Both clubs received $90,000 fines.", "$90,000", "Fines"),
        ("Levies hit about $40 billion worth of Norland timber.", "about $40 billion",
         "Value of Norland timber"),
        ("Relief covers a $9 billion list of farm and garden tools.", "$9 billion",
         "List of farm and garden tools"),
        ("Pellis stock gained 4.5% on Friday.", "4.5%", "Pellis stock’s rise"),
        ("The trade truce will last one year.", "one year", "Length of trade truce"),
        # a duration told as a compound measures how long the noun after it lasts
        ("After a three-year silence, the studio spoke.", "three-year", "Length of silence"),
        # an aside between commas is not the subject
        ("(The inquiry, remember, took more than two years.)", "more than two years",
         "Length of inquiry"),
        ("The talks, officials said, lasted three hours.", "three hours", "Length of talks"),
        ("The company, Velmar, rose 3% on Monday.", "3%", "Velmar’s rise"),
        # a share of a people ends with the people, not with what they do
        ("Seventy-eight percent of Norlanders live paycheck to paycheck.", "78%",
         "Share of Norlanders"),
        # a subject with "to" before its verb; a share of GDP spent; a target cut at "and"
        ("Exports to the Norland bloc fell 3.2% year on year.", "3.2%",
         "Fall in exports to Norland bloc"),
        ("Members agreed to spend 5% of GDP on defence by 2035.", "5% of GDP",
         "Members’ spending on defence"),
        ("Norland pledged 5 trillion yen in public and private investment.", "5 trillion yen",
         "Norland’s pledge"),
        # policy copy: a budget's "when" is no part of its name; a planned cost; a level reached
        ("Norland approved a record 8.7 trillion yen defence budget for next year.",
         "8.7 trillion yen", "Defence budget"),
        ("The chip plant will cost $11 billion.", "$11 billion", "Cost of chip plant"),
        ("The pact is expected to lift bilateral trade to $100 billion by 2030.",
         "$100 billion by 2030", "Bilateral trade"),
        ("The fund will provide $2 billion in concessional loans to island states.",
         "$2 billion", "Concessional loans"),
        ("Norland's exports rose 8.3% in October.", "8.3%", "Rise in Norland's exports"),
        ("Norland's economy contracted by 0.5% in the third quarter.", "0.5%",
         "Contraction in Norland's economy"),
        ("The economy is projected to grow at 6.5% this year.", "6.5%", "Growth in economy"),
        ("Norland's defence exports hit a record 23,622 crore rupees in 2024-25.",
         "23,622 crore rupees", "Norland's defence exports"),
        ("The government set aside 1.2 lakh crore rupees for ports.", "1.2 lakh crore rupees",
         "Government’s allocation for ports"),
        ("The alliance has pledged 40 billion euros in military aid for Norland.",
         "40 billion euros", "Military aid for Norland"),
        ("The pact covers an estimated $1.2 trillion in annual trade.",
         "an estimated $1.2 trillion", "Value of annual trade"),
        # index names with numbers, pairs inside a preposition's object, "deals worth"
        ("The S&P 500 fell 1.2% on Monday.", "1.2%", "Fall in S&P 500"),
        ("Tariffs on steel and aluminium will double to 50% from 25%.", "25% → 50%",
         "Tariffs on steel and aluminium"),
        ("Norland and Varnholm signed deals worth $5 billion.", "$5 billion", "Value of deals"),
        ("The army will send 2,000 more troops.", "2,000", "Troops"),
        ("Growth hit 8.2%, beating forecasts of 7.3%.", "7.3%", "Forecasts"),
        ("Officials announced spending cuts of $4 billion.", "$4 billion", "Spending cuts"),
        ("Norland will buy 26 Zento jets for its navy.", "26", "Zento jets"),  # "its": no more
        # a kind of measure with its owner; holdings; a sentence's first common word
        ("The missile has a range of 1,500 kilometres.", "1,500 kilometres", "Range of missile"),
        ("The plant has a capacity of 3.7 GW.", "3.7 GW", "Capacity of plant"),
        ("Norland holds about $760 billion in Varnholm bonds.", "about $760 billion",
         "Norland’s holdings in Varnholm bonds"),
        ("Chip exports to Norland dropped 40% after the curbs.", "40%",
         "Fall in chip exports to Norland"),
        # a share opening the sentence: its base, and where it came from or went
        ("About 70% of Norland's defence imports came from Varnholm.", "About 70%",
         "Share of Norland's defence imports"),
        ("Over 40% of the country's exports go to Norland.", "Over 40%",
         "Share of country's exports to Norland"),
        # a levy on goods told by their value: the goods name both rows
        ("Norland wants an end to the 15% tariffs on about $125 billion worth of Varnholm goods.",
         "15%", "Tariffs on Varnholm goods"),
        ("Norland imposed 25% tariffs on $250 billion of Varnholm imports.", "25%",
         "Tariffs on Varnholm imports"),
        ("Norland imposed 25% tariffs on $250 billion of Varnholm imports.", "$250 billion",
         "Value of Varnholm imports"),
        # "X was cut to Y": one change, named by what follows the old figure
        ("A tariff of 145% on Norland goods was cut to 30% for 90 days.", "145% → 30%",
         "Tariff on Norland goods"),
        ("Norland aims to cut its emissions by 45% by 2030.", "45% by 2030", "Cut in emissions"),
        # "raise X by 10%": the figure is the change in X, not X's level
        ("Norland will raise defence spending by 10% next year.", "10%",
         "Rise in defence spending"),
        ("The bloc agreed to cut tariffs on Norland cars by 5%.", "5%",
         "Cut in tariffs on Norland cars"),
        ("The carrier plans to expand its fleet by 30% by 2030.", "30% by 2030",
         "Expansion of fleet"),
        ("The central bank lowered its key rate by 25 basis points.", "25 basis points",
         "Cut in key rate"),
        ("Yields rose 12 basis points.", "12 basis points", "Rise in yields"),
        # people are counted by what befell them or what they did
        ("Two crashes killed a total of 346 people.", "346", "Deaths"),
        ("Another 30 people had been injured in the clashes.", "30", "People injured"),
        ("At least 5,000 people rallied at the Statehouse.", "At least 5,000",
         "People who rallied"),
        ("Police arrested 40 people on Sunday.", "40", "People arrested"),
        # points: a move of a named index, a winning margin, a player's score
        ("The Zento Composite Index .ZCI fell 102.2 points, or 0.36%.", "102.2",
         "Fall in Zento Composite Index"),
        ("Voters backed a state Harlan won by 30 points in 2016.", "30", "Harlan’s winning margin"),
        ("Amara Oduya scored 31 points in the win.", "31", "Amara Oduya’s points"),
        # a prison term's bound names the term
        ("He faces a minimum of five years behind bars.", "five years", "Minimum prison term"),
        # a levy's bearer; a period's action; a clause told as a noun phrase
        ("European cars will face a 15 per cent duty, down from the 27.5 per cent they pay now.",
         "27.5% → 15%", "Duty on European cars"),
        ("Norland will pause its sweeping timber export controls for one year, officials said.",
         "one year", "Pause on timber export controls"),
        ("The deal averts the 30% rate Trump had threatened from August.", "30%",
         "Rate threatened by Trump"),
        # a price is the price of the thing, a discount whose it is
        ("Zento Blend Pro for $89", "$89", "Price of Zento Blend Pro"),
        ("The Zento 3 cable costs $49 at most shops.", "$49", "Price of cable"),
        ("Expercom is offering up to $438 off the laptop.", "up to $438", "Expercom’s discount"),
        # a clock time is named by the event it is the time of
        ("The match moved from a 1 p.m. kickoff to a later slot.", "1 p.m.", "Kickoff"),
    ],
)  # fmt: skip
def test_a_label_names_what_is_measured(sentence: str, value: str, label: str) -> None:
    kinds = ("money", "percent", "measure", "share", "number", "time")
    labels = {v: lab for kind, lab, v in extract_facts(sentence) if kind in kinds}
    assert labels.get(value) == label, labels


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Fellow teachers arrive at 4:30 a.m. to open the canteen.", "4:30 a.m."),  # an actor
        ("Here are 10 Things in Tech You Need to Know today.", "10"),  # a title
        ("The company shelved its listing on September 30 after investors balked.", "30"),
        ("The order covers 50 Airbus A350-900 jets.", "350–900"),  # a model number
        ("The map was drawn seven years before the launch.", "seven years"),  # a date
        ("Riders need to rest for 40 minutes between stages.", "40 minutes"),
        # another language
        ("A temporada terminou após 36 etapas disputadas no Brasil e na Argentina.", "36"),
        ("After waiting 12 years, the villagers finally got a bridge.", "12 years"),
        ("Workers waited 12 years for the bridge.", "12 years"),  # who waited is no measure
        ("Its fleet of some 400 787 Zento jets is grounded.", "787"),  # a model after a count
        ("Try the plan from 80 Day Reset to start.", "80 Day"),  # a title
        ("Shoppers can take $20 off at checkout.", "$20"),  # a discount of no one
        # a compound that says which kind of thing it is: a size or make, not news
        ("Fans bought 5-gallon bottles of spring water at the gate.", "5-gallon"),
        ("The 16-inch Zento Book replaces the 15-inch model.", "16-inch"),
        ("The scooter has a two-stroke engine.", "two-stroke"),
        ("Benchmark 10-year notes last rose 7/32 in price.", "10-year"),  # a bond's name
        ("Zinc hit a four-year high on Monday.", "four-year"),  # when, not how long
        # a model number or a score is not a range
        ("The carrier will buy 30 of the 787-9 Zento jets.", "787–9"),
        ("Westfield won 3-1 at home.", "3–1"),
        # the size of each of many; too vague a noun; people do not measure money
        ("The artists hung eighty lanterns of two meters each.", "two meters"),
        ("There was quite a bit of the stuff, about 2,300 tons.", "about 2,300 tons"),
        ("“My people had $20 billion done,” the mayor said.", "$20 billion"),
        ("Researchers read surveys completed by 505,796 people.", "505,796"),  # counted for nothing
        ("The yield fell 8 basis points to 4.1%.", "4.1%"),  # a unit names no measure
        ("The bill would ban exports of chips below 7 nanometres to Norland.", "7 nanometres"),
        ("You are never going to always have 100 percent complete data.", "100%"),
        # names alone say whose figure it is, not what it measures
        ("The Norland Energy Office wants $0.06 per unit by 2030.", "$0.06 by 2030"),
        # a kind of measure alone; a cut clause; how long someone did something
        ("The team gives it a 55% chance.", "55%"),
        ("We did not get to surf the web for 11 hours on end.", "11 hours"),
        # points of nothing named
        ("Points were added: 30 points in all.", "30"),
    ],
)  # fmt: skip
def test_a_figure_named_by_no_measure_gets_no_row(sentence: str, value: str) -> None:
    kinds = ("money", "percent", "measure", "share", "number", "time")
    assert value not in {v for kind, _, v in extract_facts(sentence) if kind in kinds}


@pytest.mark.parametrize(
    "sentence",
    [
        "The total came to $5 million.",
        "The value is about $44 million.",
        "The average is 40%.",
    ],
)
def test_a_kind_of_measure_alone_names_nothing(sentence: str) -> None:
    assert _labels(sentence) == {}


def test_a_kind_of_measure_with_its_owner_stays() -> None:
    assert _labels("The value of the harbour deal is $44 million.") == {
        "$44 million": "Value of the harbour deal"
    }
