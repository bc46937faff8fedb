"""Everyday words for symptoms and body effects, and the words FDA labels use for the same thing.

People ask "does it make you sleepy" or "can it lower blood pressure"; labels say "somnolence" and
"hypotension". Each everyday phrase maps to the label terms it stands for, so a question finds the
label sentences that answer it. The pairs are general vocabulary, not tied to any question: they
follow the Consumer Health Vocabulary (Zeng and Tse, JAMIA 2006;13:24-29, open-access lay-to-UMLS
term pairs) and MedlinePlus's plain-language symptom names, matched to the MedDRA preferred terms
labels use in their adverse reactions sections.
"""

from __future__ import annotations

import re

LAY_TERMS: dict[str, tuple[str, ...]] = {
    # Dose limits: labels say "maximum" and "starting" or "initial".
    "highest": ("maximum", "not exceed"),
    "max": ("maximum", "not exceed"),
    "most i can take": ("maximum", "not exceed"),
    "lowest": ("starting", "initial", "lowest"),
    "smallest": ("starting", "initial", "lowest"),
    "low blood pressure": ("hypotension", "orthostatic"),
    "high blood pressure": ("hypertension",),
    "raise blood pressure": ("hypertension", "blood pressure increased"),
    "low blood sugar": ("hypoglycemia",),
    "high blood sugar": ("hyperglycemia",),
    "raise blood sugar": ("hyperglycemia",),
    "sleepy": ("somnolence", "drowsiness", "sedation"),
    "drowsy": ("somnolence", "drowsiness", "sedation"),
    "tired": ("fatigue", "asthenia", "somnolence"),
    "can't sleep": ("insomnia",),
    "trouble sleeping": ("insomnia",),
    "hair loss": ("alopecia",),
    "losing hair": ("alopecia",),
    "weight gain": ("weight increased", "weight gain"),
    "gain weight": ("weight increased", "weight gain"),
    "weight loss": ("weight decreased", "weight loss"),
    "throwing up": ("vomiting",),
    "throw up": ("vomiting",),
    "upset stomach": ("dyspepsia", "nausea", "abdominal discomfort"),
    "stomach pain": ("abdominal pain",),
    "stomach ache": ("abdominal pain",),
    "heartburn": ("dyspepsia", "gastroesophageal reflux"),
    "dizzy": ("dizziness", "vertigo"),
    "lightheaded": ("dizziness", "presyncope"),
    "fainting": ("syncope",),
    "faint": ("syncope",),
    "heart racing": ("tachycardia", "palpitations"),
    "racing heart": ("tachycardia", "palpitations"),
    "fast heartbeat": ("tachycardia", "palpitations"),
    "slow heartbeat": ("bradycardia",),
    "pounding heart": ("palpitations",),
    "itchy": ("pruritus",),
    "itching": ("pruritus",),
    "hives": ("urticaria",),
    "rash": ("rash", "dermatitis", "urticaria", "skin"),
    "redness": ("erythema", "flushing"),
    "flushed": ("flushing",),
    "swelling": ("edema", "angioedema"),
    "swollen": ("edema", "angioedema"),
    "bruising": ("bruising", "ecchymosis", "bleeding"),
    "bleed": ("bleeding", "hemorrhage"),
    "bleeding": ("bleeding", "hemorrhage"),
    "nosebleed": ("epistaxis",),
    "shaking": ("tremor",),
    "shaky": ("tremor",),
    "numb": ("numbness", "paresthesia", "hypoesthesia"),
    "tingling": ("paresthesia",),
    "pins and needles": ("paresthesia",),
    "dry mouth": ("dry mouth", "xerostomia"),
    "sweating": ("hyperhidrosis", "sweating"),
    "sweaty": ("hyperhidrosis", "sweating"),
    "constipated": ("constipation",),
    "chills": ("chills",),
    "muscle pain": ("myalgia",),
    "muscle aches": ("myalgia",),
    "joint pain": ("arthralgia",),
    "ringing in the ears": ("tinnitus",),
    "ringing": ("tinnitus",),
    "peeing": ("urination", "urinary"),
    "pee": ("urination", "urinary"),
    "leaking urine": ("incontinence",),
    "sex drive": ("libido",),
    "memory": ("amnesia", "memory impairment"),
    "confused": ("confusion",),
    "mood swings": ("mood", "affect lability"),
    "sad": ("depression",),
    "depressed": ("depression",),
    "anxious": ("anxiety", "nervousness"),
    "nervous": ("nervousness", "anxiety"),
    "sun": ("photosensitivity", "sunlight"),
    "sunburn": ("photosensitivity",),
    "fluid": ("edema", "fluid retention"),
    "liver": ("hepatic", "hepatotoxicity", "liver"),
    "kidney": ("renal", "kidney"),
    "kidneys": ("renal", "kidney"),
    "heart attack": ("myocardial infarction",),
    "stroke": ("stroke", "cerebrovascular"),
    "blood clot": ("thrombosis", "thromboembolism"),
    "blood clots": ("thrombosis", "thromboembolism"),
    "suddenly": ("abruptly", "abrupt"),
    "all at once": ("abruptly", "abrupt"),
    "cold turkey": ("abruptly", "abrupt"),
    "addictive": ("abuse", "dependence", "addiction"),
    "addicted": ("abuse", "dependence", "addiction"),
    "habit forming": ("abuse", "dependence"),
    "pregnant": ("pregnancy",),
    "breastfeeding": ("lactation", "breast milk", "breastfeeding"),
    "breast feeding": ("lactation", "breast milk"),
    "in your system": ("half-life", "elimination"),
    "in my system": ("half-life", "elimination"),
    "dye": ("fd&c", "dye"),
    "dyes": ("fd&c", "dye"),
    "wean": ("taper", "discontinuation"),
}

_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(LAY_TERMS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def label_terms(question: str) -> tuple[str, ...]:
    """The label words for the everyday phrases in QUESTION, in order of appearance, without repeats."""
    found: dict[str, None] = {}
    for match in _PATTERN.finditer(question):
        for term in LAY_TERMS[match.group().lower()]:
            found.setdefault(term)
    return tuple(found)
