"""Intent rules: each route of the triage, decided in code."""

import pytest

from pharmabot.answer.base import Intent
from pharmabot.chat.intent import decide_intent, food_topics_of, is_individual_dose_request


@pytest.mark.parametrize(
    ("message", "drugs", "intent"),
    [
        ("Can I take Zocor with Biaxin?", ["simvastatin", "clarithromycin"], Intent.interaction),
        ("warfarin and ibuprofen", ["warfarin", "ibuprofen"], Intent.interaction),
        ("Is it ok to drink alcohol with tylenol?", ["acetaminophen"], Intent.interaction),
        ("can I eat grapefruit while on simvastatin", ["simvastatin"], Intent.interaction),
        ("What are the side effects of metformin?", ["metformin"], Intent.drug_info),
        ("what is lisinopril for", ["lisinopril"], Intent.drug_info),
        ("How much ibuprofen can I give my 4 year old?", ["ibuprofen"], Intent.dosing),
        ("how many mg of sertraline should I take", ["sertraline"], Intent.dosing),
        ("what is the usual dose of metformin", ["metformin"], Intent.dosing),
        ("hello", [], Intent.greeting),
        ("Hi! what can you do?", [], Intent.greeting),
        ("thanks", [], Intent.greeting),
        # A person's condition is not a second thing taken with the medicine.
        ("can someone with a heart condition take sumatriptan", ["sumatriptan"], Intent.drug_info),
        ("is naproxen safe for people with an ulcer", ["naproxen"], Intent.drug_info),
        ("can I take it with an antacid", ["ciprofloxacin"], Intent.interaction),
        ("is it ok to take pseudoephedrine with high blood pressure", ["pseudoephedrine"], Intent.drug_info),
        # A vitamin or mineral a medicine lowers is an effect of it, not a second medicine taken with it.
        ("can metformin lower vitamin b12", ["metformin", "cyanocobalamin"], Intent.drug_info),
        ("does omeprazole cause low magnesium", ["omeprazole", "magnesium sulfate"], Intent.drug_info),
        ("can calcium carbonate lower iron absorption", ["calcium carbonate", "ferrous sulfate"], Intent.interaction),
        ("can I take iron with levothyroxine", ["ferrous sulfate", "levothyroxine"], Intent.interaction),
        ("What's the weather in Paris?", [], Intent.out_of_scope),
        ("write me a poem about cats", [], Intent.out_of_scope),
    ],
)
def test_routes(message: str, drugs: list[str], intent: Intent) -> None:
    assert decide_intent(message, drugs=drugs).intent is intent


def test_follow_up_uses_the_drugs_of_earlier_turns() -> None:
    decision = decide_intent("what about its side effects?", drugs=[], history_drugs=["metformin"])
    assert decision.intent is Intent.drug_info
    assert decision.drugs == ("metformin",)
    assert decision.follow_up


def test_follow_up_about_alcohol_is_an_interaction_question() -> None:
    decision = decide_intent("and with alcohol?", drugs=[], history_drugs=["sertraline"])
    assert decision.intent is Intent.interaction
    assert decision.food_topics == ("alcohol",)


def test_follow_up_about_pregnancy() -> None:
    decision = decide_intent("is it safe in pregnancy?", drugs=[], history_drugs=["atorvastatin"])
    assert decision.intent is Intent.drug_info
    assert decision.drugs == ("atorvastatin",)


def test_new_drug_overrides_history() -> None:
    decision = decide_intent("what is amlodipine for?", drugs=["amlodipine"], history_drugs=["metformin"])
    assert decision.drugs == ("amlodipine",)
    assert not decision.follow_up


@pytest.mark.parametrize(
    "message",
    [
        "what about with ibuprofen?",
        "and with ibuprofen?",
        "how about ibuprofen with it?",
        "can I take it with ibuprofen?",
        "is it ok with ibuprofen",
        "what if I mix them with ibuprofen",
    ],
)
def test_a_follow_up_naming_one_more_medicine_checks_it_with_the_earlier_one(message: str) -> None:
    decision = decide_intent(message, drugs=["ibuprofen"], history_drugs=["warfarin", "aspirin"])
    assert decision.intent is Intent.interaction
    assert decision.drugs == ("warfarin", "ibuprofen")
    assert decision.follow_up


@pytest.mark.parametrize(
    "message",
    ["what about ibuprofen?", "what are the side effects of ibuprofen?", "and Advil with Tylenol?"],
)
def test_a_new_medicine_not_taken_with_the_earlier_one_stands_alone(message: str) -> None:
    drugs = ["ibuprofen", "acetaminophen"] if "Tylenol" in message else ["ibuprofen"]
    decision = decide_intent(message, drugs=drugs, history_drugs=["warfarin"])
    assert "warfarin" not in decision.drugs
    assert not decision.follow_up


def test_unrelated_message_without_pointer_is_not_a_follow_up() -> None:
    assert decide_intent("tell me a joke", drugs=[], history_drugs=["metformin"]).intent is Intent.out_of_scope


def test_food_topics() -> None:
    assert food_topics_of("beer and grapefruit juice with milk") == ("alcohol", "grapefruit", "dairy", "food")


def test_individual_dose_needs_a_person() -> None:
    assert is_individual_dose_request("how much should I take")
    assert is_individual_dose_request("dose for my 30 lb son")
    assert not is_individual_dose_request("what does the label say about overdose symptoms")


def test_the_medicine_not_the_nutrient_is_read() -> None:
    decision = decide_intent("does furosemide lower potassium levels", drugs=["furosemide", "potassium chloride"])
    assert decision.drugs == ("furosemide",)


def test_drink_alone_means_alcohol_but_a_named_drink_is_that_drink() -> None:
    assert food_topics_of("can I drink on metronidazole?") == ("alcohol",)
    assert food_topics_of("can you drink coffee with levothyroxine") == ("caffeine",)
    assert food_topics_of("can I drink milk with ciprofloxacin") == ("dairy",)


# --- a class of medicine named instead of a medicine -------------------------------------------


@pytest.mark.parametrize(
    ("message", "class_id"),
    [
        ("can I take my statin at night", "statins"),
        ("what are the side effects of blood pressure pills", "blood_pressure"),
        ("hi, are antihistamines ok in pregnancy", "antihistamines"),  # a greeting does not hide the question
        ("can you drink on muscle relaxers", "muscle_relaxants"),
    ],
)
def test_a_class_and_no_medicine_asks_which_one(message: str, class_id: str) -> None:
    decision = decide_intent(message, drugs=[])
    assert decision.intent is Intent.drug_class
    assert [m.cls.id for m in decision.classes] == [class_id]
    assert decision.drugs == ()


@pytest.mark.parametrize(
    ("message", "drugs", "intent"),
    [
        ("can i take my atorvastatin at night", ["atorvastatin"], Intent.drug_info),
        ("is warfarin a blood thinner", ["warfarin"], Intent.drug_info),
        ("can i take antibiotics with warfarin", ["warfarin"], Intent.interaction),
        ("can i take ibuprofen with my blood pressure pills", ["ibuprofen"], Intent.interaction),
    ],
)
def test_a_message_that_names_a_medicine_keeps_its_path(message: str, drugs: list[str], intent: Intent) -> None:
    decision = decide_intent(message, drugs=drugs)
    assert decision.intent is intent
    assert decision.classes == ()


def test_a_follow_up_about_the_earlier_drug_is_not_read_as_a_class() -> None:
    decision = decide_intent("can it be taken with antibiotics?", drugs=[], history_drugs=["warfarin"])
    assert decision.intent is Intent.interaction
    assert decision.drugs == ("warfarin",)


def test_classes_are_not_read_when_the_caller_says_so() -> None:
    # A name the catalog reads as several medicines is asked about by name first.
    assert decide_intent("my diabetes pills", drugs=[], read_classes=False).intent is Intent.out_of_scope
