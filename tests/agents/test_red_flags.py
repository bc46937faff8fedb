"""Emergency red flags on messages written for these tests (none taken from the dev set)."""

from __future__ import annotations

import pytest

from pharmabot.agents.red_flags import Emergency, EmergencyKind, detect_emergency, emergency_reply

K = EmergencyKind

# Events happening now, first or third person, with misspellings and slang.
EMERGENCIES: list[tuple[str, EmergencyKind]] = [
    # A real event asked about in conditional form.
    ("what should I do if my kid swallowed a pill?", EmergencyKind.CHILD_INGESTION),
    ("what should I do if my 3 year old ate some of my pills", EmergencyKind.CHILD_INGESTION),
    ("what if my son took 2 tylenol by mistake?", EmergencyKind.CHILD_INGESTION),
    ("I took 20 pills", K.OVERDOSE),
    ("took 20 tylenol an hour ago", K.OVERDOSE),
    ("I just took like 30 of my sleeping pills", K.OVERDOSE),
    ("i overdosed on ibuprofen", K.OVERDOSE),
    ("I think I OD'd on my adderall", K.OVERDOSE),
    ("he od'd on heroin", K.OVERDOSE),
    ("my husband swallowed a whole bottle of tylenol", K.OVERDOSE),
    ("she took the entire bottle of her xanax", K.OVERDOSE),
    ("I took way too much oxycodone", K.OVERDOSE),
    ("I accidentally took five times my metformin dose", K.OVERDOSE),
    ("I took too many of my blood pressure pills", K.OVERDOSE),
    ("my wife took double her insulin and now she is confused and sweating", K.OVERDOSE),
    ("my son swallowed my pills", K.CHILD_INGESTION),
    ("My 2 year old ate some of my iron pills!!", K.CHILD_INGESTION),
    ("my daughter got into grandpa's pill box", K.CHILD_INGESTION),
    ("the baby chewed on a fentanyl patch", K.CHILD_INGESTION),
    ("my toddler may have swallowed a pill he found on the floor", K.CHILD_INGESTION),
    ("my kid drank some of the cough syrup bottle", K.CHILD_INGESTION),
    ("my teenager took a handful of my sertraline", K.CHILD_INGESTION),
    ("I want to kill myself", K.SUICIDAL),
    ("I don't want to live anymore", K.SUICIDAL),
    ("I'm going to take all my pills", K.SUICIDAL),
    ("im going to take all of my lorazepam tonight", K.SUICIDAL),
    ("i'm suicidal", K.SUICIDAL),
    ("I've been having thoughts of ending my life", K.SUICIDAL),
    ("how many tylenol would it take to die", K.SUICIDAL),
    ("I just want to die", K.SUICIDAL),
    ("planning to overdose on my meds", K.SUICIDAL),
    ("my throat is closing up after taking amoxicillin", K.ANAPHYLAXIS),
    ("my tongue is swelling after the new pill", K.ANAPHYLAXIS),
    ("I think I'm going into anaphylactic shock", K.ANAPHYLAXIS),
    ("having an anaphylactic reaction to cephalexin", K.ANAPHYLAXIS),
    ("I used my epipen, what now", K.ANAPHYLAXIS),
    ("lips swollen and hives everywhere after ibuprofen", K.ANAPHYLAXIS),
    ("she's not breathing", K.BREATHING),
    ("can't breathe", K.BREATHING),
    ("cant breath after my inhaler", K.BREATHING),
    ("my dad is having trouble breathing after his morphine", K.BREATHING),
    ("his lips are turning blue", K.BREATHING),
    ("he's having a seizure", K.SEIZURE),
    ("my daughter is seizing", K.SEIZURE),
    ("he just had a seizure after taking bupropion", K.SEIZURE),
    ("she is convulsing on the floor", K.SEIZURE),
    ("I have crushing chest pain", K.CARDIAC),
    ("bad chest pain after taking sumatriptan", K.CARDIAC),
    ("my chest feels tight and heavy", K.CARDIAC),
    ("I think I'm having a heart attack", K.CARDIAC),
    ("my mom won't wake up", K.UNRESPONSIVE),
    ("he's unresponsive", K.UNRESPONSIVE),
    ("my roommate passed out and there are pills everywhere", K.UNRESPONSIVE),
    ("I can't wake him up", K.UNRESPONSIVE),
    ("i think i took to many pills", K.OVERDOSE),
    ("i took 2 bottles of benadryl", K.OVERDOSE),
    ("my grandpa took his whole week of pills at once", K.OVERDOSE),
    ("Help! My 3yo got into my purse and ate my pills", K.CHILD_INGESTION),
    ("My son (4) swallowed a button battery", K.CHILD_INGESTION),
    ("she's unconscious", K.UNRESPONSIVE),
    ("he collapsed after taking viagra", K.UNRESPONSIVE),
    ("im gonna overdose", K.SUICIDAL),
    ("i wanna die", K.SUICIDAL),
    ("my chest hurts really bad and my left arm is numb", K.CARDIAC),
]

# Questions, hypotheticals, past events, negations and side-effect questions: no emergency.
NOT_EMERGENCIES = [
    "what are the symptoms of a tylenol overdose?",
    "what is the max dose of ibuprofen?",
    "what is the maximum dose of acetaminophen per day",
    "how much tylenol is too much?",
    "can you overdose on melatonin?",
    "what happens if you take 20 tylenol?",
    "what would happen if a child swallowed a pill?",
    "if someone overdoses on opioids, what is the antidote?",
    "what is the antidote for opioid overdose",
    "chest pain as a side effect of albuterol?",
    "can metoprolol cause chest pain?",
    "is chest pain a side effect of sumatriptan?",
    "can sertraline cause seizures?",
    "does tramadol lower the seizure threshold?",
    "I had a seizure in 2019, can I take bupropion?",
    "I had anaphylaxis to penicillin as a child, is cephalexin ok?",
    "I overdosed years ago and now I'm careful with tylenol, what's the max dose?",
    "I'm not suicidal, just asking about side effects of Chantix",
    "does sertraline cause suicidal thoughts?",
    "what does the boxed warning for fluoxetine say about suicidal thoughts",
    "I don't want to kill myself, I just want to know if prozac is safe",
    "I take 20 mg of lisinopril every day",
    "I took 10 mg of melatonin last night, is that a lot?",
    "my son takes 5 ml of amoxicillin twice a day",
    "my daughter took amoxicillin for an ear infection, can she have dairy?",
    "my son swallowed his pill whole instead of chewing it",
    "is it safe for my toddler to take children's tylenol?",
    "can lisinopril cause face swelling?",
    "what are signs of anaphylaxis?",
    "how do I use an epipen?",
    "does albuterol help with trouble breathing?",
    "can opioids slow your breathing?",
    "why does amoxicillin cause a rash",
    "what happens if I miss a dose of warfarin",
    "I accidentally took my lisinopril twice today, should I skip tomorrow?",
    "I took 2 advil an hour ago, can I take tylenol now?",
    "I'm not having chest pain, just some heartburn on naproxen",
    "no trouble breathing, just a cough from lisinopril",
    "How should I store insulin glargine?",
    "can I ignore a missed dose of metformin?",
    "my grandma used to have seizures, is gabapentin ok for her nerve pain?",
    "what should I do with 30 leftover oxycodone pills?",
    "is it dangerous to take 8 hours between doses?",
    "what are the 3 times a day dosing instructions for amoxicillin?",
    "I took all my meds this morning, can I drink coffee?",
    "I had 10 glasses of water today",
    "I took 10 days off my statin, can I restart?",
    "I take 8 pills a day for my heart",
    "what should I do if I took too many pills?",
    "is hives a sign of anaphylaxis?",
    "can you die from taking too much tylenol?",
    "my friend said she overdosed in college, is that common?",
    "I'm worried my son might swallow my pills, how should I store them?",
]


@pytest.mark.parametrize(("message", "kind"), EMERGENCIES)
def test_emergencies_are_detected(message: str, kind: EmergencyKind) -> None:
    found = detect_emergency(message)
    assert found is not None, message
    assert found.kind == kind, (message, found)


@pytest.mark.parametrize("message", NOT_EMERGENCIES)
def test_look_alikes_do_not_trigger(message: str) -> None:
    assert detect_emergency(message) is None


def test_enough_cases_of_each_kind() -> None:
    assert len(EMERGENCIES) >= 40
    assert len(NOT_EMERGENCIES) >= 40
    assert {kind for _, kind in EMERGENCIES} == set(EmergencyKind)


def test_kinds_are_listed_by_priority() -> None:
    found = detect_emergency("I want to die. I took 30 of my pills and I can't breathe")
    assert found is not None
    assert found.kind == K.SUICIDAL
    assert found.kinds == (K.SUICIDAL, K.OVERDOSE, K.BREATHING)


def test_emergency_is_frozen() -> None:
    found = detect_emergency("he's having a seizure")
    assert isinstance(found, Emergency)
    with pytest.raises(AttributeError):
        found.kind = K.OVERDOSE  # type: ignore[misc]


def test_overdose_reply_routes_to_911_and_poison_help_only() -> None:
    reply = emergency_reply(Emergency(kind=K.OVERDOSE, kinds=(K.OVERDOSE,), rule="overdose.big_amount"))
    assert "911" in reply
    assert "1-800-222-1222" in reply
    assert "988" not in reply
    for advice in ("mg", "vomit", "naloxone", "charcoal", "dose of"):
        assert advice not in reply.lower()
    assert len(reply) < 600


def test_suicidal_reply_has_988_and_911() -> None:
    reply = emergency_reply(Emergency(kind=K.SUICIDAL, kinds=(K.SUICIDAL,), rule="suicidal.self_harm"))
    assert "988" in reply
    assert "call or text" in reply.lower()
    assert "911" in reply


def test_chest_pain_reply_is_911_without_poison_line() -> None:
    reply = emergency_reply(Emergency(kind=K.CARDIAC, kinds=(K.CARDIAC,), rule="cardiac.chest_pain"))
    assert "911" in reply
    assert "1-800-222-1222" not in reply
    assert "988" not in reply


def test_long_input_is_bounded() -> None:
    assert detect_emergency("what is metformin? " * 5000) is None
