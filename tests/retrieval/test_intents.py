"""Question kinds: how people ask, which label sections answer, which label sentences state the answer."""

from __future__ import annotations

import re

import pytest

from pharmabot.knowledge.build import ORANGE_BOOK
from pharmabot.knowledge.labels import shipped_data_path
from pharmabot.knowledge.names import read_orange_book
from pharmabot.retrieval.intents import BY_NAME, INTENTS, detect_intents, normalize_question, symptoms_in
from pharmabot.retrieval.lay_terms import label_terms
from pharmabot.retrieval.query import QueryPlan

# Questions written for these tests, several phrasings per kind; each names the kind that must lead.
LEADS = [
    ("Is it bad to quit duloxetine cold turkey?", "stopping"),
    ("How do I get off paroxetine without feeling awful", "stopping"),
    ("what happens if I suddenly discontinue clonidine", "stopping"),
    ("How soon does sumatriptan start working?", "onset"),
    ("how long until naproxen kicks in", "onset"),
    ("how long does diazepam stay in your system", "elimination"),
    ("what is the half-life of sertraline", "elimination"),
    ("how long should I stay on doxycycline for acne", "duration"),
    ("for how long is amoxicillin usually given", "duration"),
    ("Should I take atorvastatin in the morning or at night?", "time_of_day"),
    ("when is the best time to take levothyroxine", "time_of_day"),
    ("how do I use an albuterol inhaler", "usage"),
    ("can I crush my metoprolol tablets", "usage"),
    ("What does a 10 mg amlodipine tablet look like?", "appearance"),
    ("white oval pill with imprint M 523", "appearance"),
    ("does montelukast contain lactose", "ingredients"),
    ("what are the inactive ingredients in losartan", "ingredients"),
    ("should insulin pens be kept in the fridge", "storage"),
    ("how do I get rid of unused oxycodone", "storage"),
    ("what should I do if I took too much acetaminophen", "overdose"),
    ("is it ok to take sertraline while pregnant", "pregnancy"),
    ("can I breastfeed on metformin", "pregnancy"),
    ("who should not take warfarin", "contraindications"),
    ("what are the side effects of lisinopril", "side_effects"),
    ("does prednisone make you gain weight", "side_effects"),
    ("can ibuprofen raise blood pressure", "side_effects"),
    ("can I drink alcohol while taking metronidazole", "interactions"),
    ("which drugs should not be taken with clopidogrel", "interactions"),
    ("what if I missed a dose of my birth control", "missed_dose"),
    ("how does metformin work", "mechanism"),
    ("what strengths does lamotrigine come in", "strengths"),
    ("what is the maximum dose of ibuprofen per day", "dosage"),
    ("what is gabapentin used for", "indications"),
    ("what is losartan", "information"),
    ("who makes Eliquis", "manufacturer"),
    ("how much does Humira cost", "unsupported_price"),
    ("how do you pronounce levetiracetam", "unsupported_pronunciation"),
    ("what can I take instead of tramadol", "unsupported_alternatives"),
    ("what's the difference between Advil and Aleve", "comparison"),
    # Typed as people type: contractions without apostrophes, chat spellings.
    ("whats lamotrigine", "information"),
    ("who shouldnt use tretinoin cream", "contraindications"),
    ("can u take naproxen with coffee", "interactions"),
    # A person's condition: may they take it?
    ("can people with asthma take propranolol", "contraindications"),
    ("can i take naproxen if i have kidney disease", "contraindications"),
    # Effects asked as "what happens", "does it give you ...".
    ("what happens when you take omeprazole every day", "side_effects"),
    ("does prednisone give you mood swings", "side_effects"),
    ("can i have a coffee while taking levothyroxine", "interactions"),
    # When to take a dose relative to an event is not how soon it works.
    ("how long before bed should i take trazodone", "time_of_day"),
    ("how do I put in timolol eye drops", "usage"),
    ("can i wear contacts with olopatadine drops", "usage"),
    ("is the insulin vial still good after it is opened", "storage"),
    ("signs of lithium toxicity", "overdose"),
    ("what is the usual dose of prednisone for poison oak", "dosage"),
    # Drug abuse and dependence (21 CFR 201.57(c)(10)) and the leaflet's "What should I avoid".
    ("is diazepam habit forming", "dependence"),
    ("is tapentadol a narcotic", "dependence"),
    ("what should I avoid while taking lithium", "avoid"),
    ("are there foods to avoid with linezolid", "avoid"),
    ("best way to take risedronate", "usage"),
    ("is it safe to take naproxen every day", "side_effects"),
    ("can acetaminophen hurt your liver", "side_effects"),
    ("is it ok to take pseudoephedrine with high blood pressure", "contraindications"),
    ("what is the generic for Norvasc", "information"),
    ("what are the long term effects of prednisone", "side_effects"),
    ("can i use loperamide for food poisoning", "indications"),
    ("what does potassium chloride do in the body", "mechanism"),
    # What a medicine is for, asked without "used for".
    ("reason for taking spironolactone", "indications"),
    ("does lisinopril protect the kidneys", "indications"),
    ("what is hydroxyzine given for", "indications"),
    ("what does finasteride do for women", "indications"),
    ("propranolol for stage fright?", "indications"),
    ("where is zoloft made", "manufacturer"),
    ("is fluoxetine ok in the third trimester", "pregnancy"),
    ("how much naproxen is too much in one day", "dosage"),
    ("I took too much naproxen", "overdose"),
    ("can examplol lower my blood pressure too much", "side_effects"),
    ("should glipizide be taken with food", "time_of_day"),
    ("is it ok to take naproxen on an empty stomach", "time_of_day"),
    ("my insulin pen froze, can I still use it", "storage"),
    ("I left my inhaler in the car all day", "storage"),
    ("when should examplol tablets be taken", "time_of_day"),
    ("do i take examplol with breakfast or with dinner", "time_of_day"),
    ("how does examplol work", "mechanism"),
]


@pytest.mark.parametrize(("question", "kind"), LEADS)
def test_the_kind_that_leads(question: str, kind: str) -> None:
    found = detect_intents(question)
    assert found, question
    assert found[0].name == kind, [i.name for i in found]


def test_words_inside_other_words_do_not_count() -> None:
    # "considered" holds "red", "started" holds "star": neither is a symptom.
    assert "side_effects" not in {i.name for i in detect_intents("is 300 mg considered a normal dose")}


def test_stop_smoking_is_not_a_stopping_question() -> None:
    assert detect_intents("does varenicline help you stop smoking")[0].name != "stopping"


def test_every_kind_is_complete() -> None:
    for intent in INTENTS:
        assert intent.name
        assert intent.pattern.pattern
        if intent.supported:
            assert intent.sections, intent.name
            assert intent.cues is not None, intent.name
        else:
            assert intent.topic, intent.name


@pytest.mark.parametrize(
    ("kind", "answer", "other"),
    [
        ("stopping", "Do not stop taking this medicine suddenly; your dose should be tapered.", "Take once daily."),
        ("onset", "Peak plasma concentrations are reached within 2 hours.", "Take with food."),
        ("storage", "Store at 20° to 25°C (68° to 77°F); protect from light.", "Take once daily."),
        ("appearance", "Supplied as white, round tablets debossed with 'A1' on one side.", "Take once daily."),
        ("ingredients", "Inactive ingredients: lactose monohydrate, magnesium stearate.", "Take once daily."),
        ("elimination", "The elimination half-life is about 6 hours.", "Take once daily."),
    ],
)
def test_cues_mark_the_sentences_that_answer(kind: str, answer: str, other: str) -> None:
    cues = BY_NAME[kind].cues
    assert cues is not None
    assert cues.search(answer)
    assert not cues.search(other)


def test_everyday_words_get_the_label_words() -> None:
    assert "hypotension" in label_terms("can it cause low blood pressure")
    assert "somnolence" in label_terms("Does it make you sleepy?")
    assert label_terms("what is it for") == ()


def test_leading_kind_adds_label_words_to_ranking_only() -> None:
    plan = QueryPlan(intents=(BY_NAME["stopping"],), boost_terms=BY_NAME["stopping"].terms)
    assert "taper" in plan.boost_terms
    assert plan.text == ""  # boost words never become the search words of a query without a drug


def test_contractions_without_apostrophes_are_restored() -> None:
    assert normalize_question("who shouldnt take it, whats it for") == "who shouldn't take it, what's it for"
    assert normalize_question("I can’t sleep") == "I can't sleep"
    assert normalize_question("can u take it") == "can you take it"
    assert normalize_question("100 u of insulin in the U.S.") == "100 u of insulin in the U.S."


def test_how_long_before_an_event_is_not_onset_or_duration() -> None:
    assert detect_intents("how long before a flight should I take meclizine")[0].name == "time_of_day"
    assert detect_intents("how long before meclizine starts working")[0].name == "onset"
    assert detect_intents("how long should I take meclizine")[0].name == "duration"


def test_time_before_an_event_is_the_answer_to_when() -> None:
    strong = BY_NAME["time_of_day"].strong
    assert strong is not None
    assert strong.search("Take one tablet about 1 hour before travel.")
    assert strong.search("Administer 30 minutes before the first meal of the day.")


def test_overdose_answers_state_what_an_overdose_does() -> None:
    strong = BY_NAME["overdose"].strong
    assert strong is not None
    assert strong.search("Overdosage might be expected to cause excessive vasodilation.")
    assert strong.search("Signs and symptoms of lithium toxicity include tremor and ataxia.")
    assert not strong.search("Experience with overdosage is limited.")


def test_more_everyday_words() -> None:
    assert "diarrhea" in label_terms("does it give you the runs")
    assert "herpes zoster" in label_terms("is it good for shingles")
    assert "alcohol" in label_terms("can I have a glass of wine with it")
    assert "handle" in label_terms("can my pregnant wife touch the tablets")


def test_onset_of_the_effect_counts_more_than_time_to_peak_levels() -> None:
    strong = BY_NAME["onset"].strong
    assert strong is not None
    assert strong.search("The onset of diuresis following oral administration is within 1 hour.")
    assert strong.search("Onset of relief began as early as 10 minutes after the injection.")
    assert not strong.search("Peak plasma concentrations occur 2 hours after the dose.")
    assert not strong.search("Excretion increases in parallel with the onset of emesis.")


@pytest.mark.parametrize(
    ("kind", "answer"),
    [
        # Label wording of each kind's most direct answer (sentences written for these tests).
        ("overdose", "Acute overdose with examplol can be manifested by drowsiness progressing to coma."),
        (
            "pregnancy",
            "Available data from published studies have not identified a drug-associated risk of major birth defects.",
        ),
        ("onset", "The full antidepressant effect may be delayed until 4 weeks of treatment or longer."),
        ("information", "Examplol tablets are a central nervous system (CNS) stimulant indicated for the treatment of"),
        ("manufacturer", "Manufactured for: Example Pharma Inc., Springfield"),
    ],
)
def test_strong_wording_of_each_kind(kind: str, answer: str) -> None:
    strong = BY_NAME[kind].strong
    assert strong is not None
    assert strong.search(answer)


def test_the_manufacturer_is_also_read_in_leaflets() -> None:
    assert "spl_medguide" in BY_NAME["manufacturer"].sections
    assert "instructions_for_use" in BY_NAME["storage"].sections
    assert "dosage_and_administration" in BY_NAME["onset"].sections[:4]


def test_drug_facts_warnings_are_searched_for_pregnancy() -> None:
    assert "warnings" in BY_NAME["pregnancy"].sections  # "If pregnant or breast-feeding" sits among the warnings


def test_any_time_of_day_answers_when_to_take_it() -> None:
    strong = BY_NAME["time_of_day"].strong
    assert strong is not None
    assert strong.search("Administer once weekly at any time of day, with or without meals.")
    mechanism = BY_NAME["mechanism"].strong
    assert mechanism is not None
    assert mechanism.search("The mode of action of examplol has not been clearly identified.")


def test_a_measure_named_before_its_level_gets_the_label_words() -> None:
    assert "hypoglycemia" in label_terms("can it make my blood sugar go too low")
    assert "bradycardia" in label_terms("what if my heart rate is slow")
    assert "hypotension" in label_terms("my blood pressure drops when I stand")
    assert label_terms("how do I check my blood pressure") == ()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("can I take examplol if my blood pressure is low", "contraindications"),
        ("how soon will examplol heal the ulcer", "onset"),
        ("how long until examplol clears up the rash", "onset"),
    ],
)
def test_more_ways_to_ask_a_kind(question: str, kind: str) -> None:
    assert kind in [intent.name for intent in detect_intents(question)]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Relief said of the symptom is how soon it works, not a side effect.
        ("how long after a dose of examplol does the headache go away", "onset"),
        ("how soon will the cough calm down on examplol", "onset"),
        # An adult's age is no child's dose; a toddler's is.
        ("why would a 45 year old be given examplol", "indications"),
        ("my 6 year old needs examplol, how much", "children"),
        # "Instead of at bedtime" is when to take it, not another medicine.
        ("can i take examplol in the morning instead of at night", "time_of_day"),
        # Shaking an inhaler is a step of using it, not a tremor.
        ("should i shake the examplol spray before each use", "usage"),
        ("does examplol make your hands shake", "side_effects"),
        # A condition the person has is no side effect of the medicine; one it may cause is.
        ("can i take examplol if i have kidney problems", "contraindications"),
        ("does examplol cause kidney problems", "side_effects"),
        # Whether it is right for an illness is what it is used for; a person with a condition asks who may take it.
        ("is examplol ok for a sinus infection", "indications"),
        ("is it ok for a diabetic to take examplol", "contraindications"),
        # Driving is among what to avoid; a sex drive is an effect.
        ("can i drive after taking examplol", "avoid"),
        ("does examplol lower your sex drive", "side_effects"),
    ],
)
def test_the_kind_that_leads_when_two_could(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


def test_what_stopping_early_does_is_searched_in_the_boxed_warning() -> None:
    assert "boxed_warning" in BY_NAME["stopping"].sections


def test_a_condition_the_person_has_is_not_read_as_a_side_effect() -> None:
    kinds = [intent.name for intent in detect_intents("can i take examplol if i have kidney problems")]
    assert "side_effects" not in kinds


@pytest.mark.parametrize(
    ("kind", "answer"),
    [
        ("onset", "Most patients healed within 4 weeks of treatment."),
        ("onset", "The full effect of this dose will usually be seen within one to two weeks."),
        ("dosage", "The initial dose of examplol is 50 mg once a day."),
        ("time_of_day", "Take examplol no more than once per night, immediately before going to bed."),
        ("time_of_day", "Examplol should be taken within 30 minutes of bedtime."),
        ("time_of_day", "The usual adult dose is 15 mg before retiring."),
        ("stopping", "Premature discontinuation of examplol increases the risk of thrombotic events."),
        ("stopping", "Stopping examplol increases your risk of having a stroke."),
    ],
)
def test_strong_wording_of_an_answer(kind: str, answer: str) -> None:
    strong = BY_NAME[kind].strong
    assert strong is not None
    assert strong.search(answer)


def test_getting_out_of_bed_says_nothing_of_when_to_take_it() -> None:
    strong = BY_NAME["time_of_day"].strong
    assert strong is not None
    assert not strong.search("After taking examplol, you may get up out of bed while not being fully awake.")


@pytest.mark.parametrize(
    "question",
    [
        "how soon will examplol heal my ulcer",
        "how fast does examplol start working on a headache",
        "when will examplol clear up the rash",
        "does examplol help with nausea",
    ],
)
def test_a_symptom_the_medicine_is_asked_to_treat_is_not_a_side_effect(question: str) -> None:
    kinds = [intent.name for intent in detect_intents(question)]
    assert "side_effects" not in kinds
    assert symptoms_in(question) == ()


@pytest.mark.parametrize(
    "question",
    ["can examplol cause headaches", "does examplol give you ulcers", "examplol made my rash worse"],
)
def test_a_symptom_it_may_cause_still_asks_about_side_effects(question: str) -> None:
    assert detect_intents(question)[0].name == "side_effects"
    assert symptoms_in(question)


def test_relief_at_a_time_after_the_dose_answers_how_soon_it_works() -> None:
    strong = BY_NAME["onset"].strong
    assert strong is not None
    assert strong.search("More patients reached headache response 2 hours after treatment than with placebo.")
    assert strong.search("Pain freedom at 2 hours post-dose was higher with examplol.")
    assert not strong.search("The dose may be repeated 2 hours after the first dose.")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("i had a dizzy spell after my examplol dose", "side_effects"),
        ("is a fainting spell a side effect of examplol", "side_effects"),
        ("how do you spell examplol", "unsupported_pronunciation"),
        ("how is examplol spelled", "unsupported_pronunciation"),
    ],
)
def test_a_spell_of_a_symptom_is_not_a_question_about_spelling(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how long does an examplol shot last", "effect_duration"),
        ("how long do the effects of examplol last", "effect_duration"),
        ("how many hours does examplol work for", "effect_duration"),
        ("how long does examplol last in your system", "elimination"),
        ("how long does examplol last after opening", "storage"),
        ("how long should I take examplol", "duration"),
        ("how fast does an examplol shot kick in", "onset"),
    ],
)
def test_how_long_a_dose_works_is_apart_from_clearance_and_course(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


def test_the_duration_of_an_effect_is_stated_as_a_time_it_holds() -> None:
    strong = BY_NAME["effect_duration"].strong
    assert strong is not None
    assert strong.search("Duration of analgesic effect is usually 4 to 6 hours.")
    assert strong.search("Examplol improved erectile function compared to placebo up to 36 hours post dose.")
    assert strong.search("The effect lasts for up to 12 hours.")
    assert not strong.search("If you get an erection that lasts more than 4 hours, get medical help right away.")
    assert not strong.search("The terminal half-life is 17.5 hours.")


def test_when_the_effect_begins_is_the_direct_answer_to_how_soon() -> None:
    strong = BY_NAME["onset"].strong
    assert strong is not None
    assert strong.search("The analgesic effect begins in ~30 minutes with maximum effect in 1 to 2 hours.")
    assert strong.search("It may take 2 to 4 weeks before you feel better.")
    assert not strong.search("Because a significant period effect on QTc was observed, the QTc effects were analyzed.")
    assert BY_NAME["onset"].sections[0] == "dosage_and_administration"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("is examplol safe in pregancy", "pregnancy"),
        ("can i take examplol while brestfeeding", "pregnancy"),
        ("what happens if someone overdoes examplol", "overdose"),
        ("examplol contraindicatons", "contraindications"),
    ],
)
def test_a_misspelled_kind_word_is_read_as_its_kind(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


def test_short_and_everyday_words_are_not_read_as_kind_words() -> None:
    assert normalize_question("it affects my sleep") == "it affects my sleep"
    assert normalize_question("how long before it takes effect") == "how long before it takes effect"
    assert normalize_question("my dose was missed") == "my dose was missed"  # five letters and less: left alone


def test_no_drug_name_is_read_as_a_kind_word() -> None:
    """Every word of the shipped Orange Book names (brands and ingredients) stays itself."""
    names = read_orange_book(shipped_data_path(ORANGE_BOOK))
    words = {
        w for brand, moieties, _ in names for name in (brand, *moieties) for w in re.findall(r"[a-z]{6,}", name.lower())
    }
    assert len(words) > 1000
    assert {w for w in words if normalize_question(w) != w} == set()


def test_the_risk_summary_counts_with_or_without_a_hyphen() -> None:
    strong = BY_NAME["pregnancy"].strong
    assert strong is not None
    assert strong.search(
        "Clinical data over several decades in pregnant women have not identified a drug associated risk."
    )


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Accidental ingestion, a dose taken twice, an amount that kills.
        ("my toddler got into the examplol bottle", "overdose"),
        ("I took my examplol twice by accident", "overdose"),
        ("what amount of examplol is deadly", "overdose"),
        ("is it bad to double my morning examplol dose", "overdose"),
        # "Expecting" said of oneself.
        ("is examplol ok while expecting", "pregnancy"),
        # Where and at what temperature it is kept, and whether heat or wet spoiled it.
        ("can examplol be kept in my purse", "storage"),
        ("at what temperature does examplol keep", "storage"),
        ("my examplol got wet, can I use it", "storage"),
        # Someone with a condition, and conditions in which it may not be taken.
        ("is examplol alright for people with gout", "contraindications"),
        ("what diseases mean you should not take examplol", "contraindications"),
        # How long a course runs, staying on it for years.
        ("what is the length of treatment with examplol", "duration"),
        ("can someone remain on examplol for years", "duration"),
        # Before bed, during the day.
        ("should examplol go at bed time or earlier", "time_of_day"),
        ("is examplol better taken during the day", "time_of_day"),
        # The passive of altering a dose form; a prescription is not a place.
        ("can examplol capsules be opened", "usage"),
        ("the doctor put me on examplol 40 mg, is that the usual dose", "dosage"),
        # The maker as a noun.
        ("which lab makes examplol", "manufacturer"),
        ("who is the maker of examplol", "manufacturer"),
        # Whether something noticed came from the medicine.
        ("my feet are puffy, could that be from examplol", "side_effects"),
        # A food or drink named before the medicine.
        ("is grapefruit juice ok with examplol", "interactions"),
        # A substance in the product; a taper by slow steps; an explanation.
        ("does examplol have soy lecithin in it", "ingredients"),
        ("how gradually do you lower examplol", "stopping"),
        ("please explain what examplol is", "information"),
        # A second round: the family it belongs to, a usual amount, swallowing it whole, the hour and waking, a
        # treatment for life, "how quick", "fine if I have ...", "are there X in", the company that sells it.
        ("which group of medicines does examplol belong to", "information"),
        ("what is the typical amount of examplol", "dosage"),
        ("must examplol be swallowed whole", "usage"),
        ("what part of the day suits examplol", "time_of_day"),
        ("do I take examplol as soon as I wake", "time_of_day"),
        ("will I need examplol lifelong", "duration"),
        ("how quick will examplol help", "onset"),
        ("is examplol fine if I have gout", "contraindications"),
        ("are there dyes in examplol", "ingredients"),
        ("what firm markets examplol", "manufacturer"),
    ],
)
def test_consumer_phrasings_of_each_kind(question: str, kind: str) -> None:
    found = detect_intents(question)
    assert found, question
    assert found[0].name == kind, [i.name for i in found]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what should I be expecting from examplol", None),  # what to expect, not a pregnancy
        ("what temperature is a fever on examplol", None),  # a body temperature is not storage
        ("can I take examplol with milk", "interactions"),
        ("is there risk in taking examplol", None),  # a risk is not an ingredient
    ],
)
def test_look_alikes_of_the_new_phrasings(question: str, kind: str | None) -> None:
    names = [intent.name for intent in detect_intents(question)]
    assert "pregnancy" not in names
    assert "storage" not in names
    assert "ingredients" not in names
    if kind is not None:
        assert names[0] == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # The tests a label names (21 CFR 201.57(c)(6)(iii)): blood work, labs, a level checked or monitored.
        ("will I need bloodwork on examplol", "monitoring"),
        ("which labs get done with examplol", "monitoring"),
        ("how often are kidney function tests needed on examplol", "monitoring"),
        ("does my sodium get checked on examplol", "monitoring"),
        # A dose forgotten or skipped, counted or named by when.
        ("forgot both my examplol doses, now what", "missed_dose"),
        ("I skipped examplol yesterday", "missed_dose"),
        ("never took my examplol tonight", "missed_dose"),
        # The hour of the day in the plural; before a meal said with a pronoun.
        ("what times are best for examplol", "time_of_day"),
        ("examplol after we eat or before", "time_of_day"),
        # A course said in the passive; staying on it for years.
        ("how long is examplol usually taken for", "duration"),
        ("do people stay on examplol for many years", "duration"),
        # Days until it works; stopping a symptom is how soon it works.
        ("how many days until examplol works", "onset"),
        ("how fast will examplol stop the itching", "onset"),
        # Reasons not to take it; the most one may take; what people take it for.
        ("what are the reasons not to use examplol", "contraindications"),
        ("the most examplol an adult can have", "dosage"),
        ("what would a doctor give examplol for", "indications"),
        # "How (do) you use X for ..." asks how, whatever follows.
        ("how you use examplol for", "usage"),
        ("how to use examplol for a fever", "usage"),
        ("what do you use examplol for", "indications"),
        ("examplol uses", "indications"),
    ],
)
def test_a_third_round_of_consumer_phrasings(question: str, kind: str) -> None:
    found = detect_intents(question)
    assert found, question
    assert found[0].name == kind, [i.name for i in found]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("which lab makes examplol", "manufacturer"),  # a laboratory that makes it is not a lab test
        ("can I stop examplol suddenly", "stopping"),  # coming off it is still stopping
        ("I forgot whether examplol has lactose", "ingredients"),  # forgetting a fact is no missed dose
        ("skipped lunch today, can i take examplol", "time_of_day"),  # a meal skipped is no missed dose
        ("how many hours does examplol work for", "effect_duration"),
    ],
)
def test_look_alikes_of_the_third_round(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


def test_monitoring_answers_name_the_test() -> None:
    monitoring = BY_NAME["monitoring"]
    assert monitoring.strong is not None
    assert monitoring.strong.search("Serum level determinations may be necessary to achieve optimal dosage.")
    assert monitoring.strong.search("Monitor serum potassium periodically during treatment.")
    assert not monitoring.strong.search("Examplol is taken once daily.")
    assert monitoring.sections[0] == "laboratory_tests"


def test_length_of_use_and_waking_are_stated_answers() -> None:
    duration, time_of_day = BY_NAME["duration"].strong, BY_NAME["time_of_day"].strong
    assert duration is not None
    assert time_of_day is not None
    assert duration.search("Examplol is indicated as a short-term (a few weeks) adjunct to diet.")
    assert duration.search("Periodically reassess the need for continued treatment.")
    assert duration.search("Safety beyond 12 months has not been established.")
    assert time_of_day.search("Take the first dose on awakening and the second dose 7 hours later.")


def test_a_round_of_body_system_words() -> None:
    assert label_terms("i feel queasy after it") == ("nausea",)
    assert "melena" in label_terms("black stools on iron?")
    assert "akathisia" in label_terms("it makes me restless")
    assert "hearing loss" in label_terms("trouble hearing since starting it")
    assert "blurred vision" in label_terms("my eyes are blurry")
    assert label_terms("is 5 mg too weak") == ()  # the strength of a dose, not a symptom


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # The medicine named first, then what it is or is for.
        ("they gave me examplol, what is this", "information"),
        ("examplol? never heard of it", "information"),
        ("the doctor started examplol, what's it for", "indications"),
        ("reasons people would be on examplol", "indications"),
        # Under my tongue; the daytime; effects from long use.
        ("does examplol go under my tongue", "usage"),
        ("is examplol fine to take in the daytime", "time_of_day"),
        ("harmful effects from years of examplol", "side_effects"),
        # A condition first, then whether it may be taken; a pill described in a sentence.
        ("i have gout, can i take examplol", "contraindications"),
        ("my examplol tablet is white and oval, is that normal", "appearance"),
        # A number over the one prescribed; which of two does better.
        ("took 3 examplol instead of 1", "overdose"),
        ("examplol or placebol, which works better", "comparison"),
        ("is examplol as strong as placebol", "comparison"),
        # How fast a wanted effect comes; alcohol's effect on it.
        ("how quickly will examplol make me drowsy", "onset"),
        ("does wine interact with examplol", "interactions"),
    ],
)
def test_a_fourth_round_of_consumer_phrasings(question: str, kind: str) -> None:
    found = detect_intents(question)
    assert found, question
    assert found[0].name == kind, [i.name for i in found]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how soon do side effects of examplol start", "side_effects"),  # it names side effects
        ("can i take examplol instead of placebol", "unsupported_alternatives"),
        ("does examplol make you sleepy", "side_effects"),
    ],
)
def test_look_alikes_of_the_fourth_round(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


def test_an_effect_seen_within_the_first_hours_answers_how_soon() -> None:
    onset = BY_NAME["onset"]
    assert onset.strong is not None
    assert onset.cues is not None
    sentence = "The full antihypertensive effect of examplol tablets is usually seen within the first 1 to 3 hours."
    assert onset.strong.search(sentence)
    assert onset.cues.search("Relief is reported within the first 2 weeks.")
    assert onset.strong.search("An initial response in plasma homocysteine usually occurs within several days.")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("does examplol lower triglycerides", "indications"),
        ("will examplol bring down my bad cholesterol", "indications"),
        ("does examplol lower my a1c", "indications"),
        # Blood pressure and blood sugar stay side-effect questions: a medicine may cause hypotension.
        ("can examplol lower blood pressure", "side_effects"),
        ("does examplol raise blood sugar", "side_effects"),
        ("does examplol lower potassium", "side_effects"),
    ],
)
def test_a_measure_medicines_are_given_to_lower_asks_what_it_is_for(question: str, kind: str) -> None:
    assert detect_intents(question)[0].name == kind


def test_a_storage_statement_naming_the_product_is_the_direct_answer() -> None:
    strong = BY_NAME["storage"].strong
    assert strong is not None
    assert strong.search("Store EXAMPLOL in the refrigerator between 36°F to 46°F (2°C to 8°C).")
    assert strong.search("Store refrigerated at 2°C to 8°C (36°F to 46°F) in the original carton.")
    assert not strong.search("Stored samples were analyzed for impurities.")


def test_what_a_medicine_does_to_the_body_asks_how_it_works_then_its_effects() -> None:
    assert [k.name for k in detect_intents("what does examplol do to your body")] == ["mechanism", "side_effects"]
    assert [k.name for k in detect_intents("what does examplol do")] == ["mechanism"]
    assert detect_intents("does examplol cause diarrhea")[0].name == "side_effects"


def test_whether_everyone_may_take_it_asks_who_must_not() -> None:
    assert detect_intents("can everyone take examplol")[0].name == "contraindications"
    assert detect_intents("is examplol safe for anyone")[0].name == "contraindications"
    assert detect_intents("can anyone take examplol with placebol")[0].name == "interactions"


def test_where_to_keep_it_asks_how_to_store_it() -> None:
    assert detect_intents("where do i keep examplol")[0].name == "storage"
    assert detect_intents("where should i keep my examplol pens")[0].name == "storage"
    assert detect_intents("where do i put the examplol patch")[0].name != "storage"
