"""Drug names in free text: minerals named alone, inactive ingredients and label words that are not misspelled drugs."""

from __future__ import annotations

import json
from pathlib import Path

from pharmabot.knowledge.index import ProseWords
from pharmabot.knowledge.names import DrugCatalog, DrugEntry, ingredients_of, is_bare_mineral, moiety


def entry(key: str, *, labelled: bool = True, oral: bool = False) -> DrugEntry:
    return DrugEntry(
        key=key, ingredients=tuple(key.split(" and ")), set_ids=[f"set-{key}"] if labelled else [], oral=oral
    )


CATALOG = DrugCatalog(
    [
        entry("calcium gluconate"),
        entry("calcium chloride and magnesium chloride and potassium chloride and sodium chloride"),
        entry("magnesium sulfate and potassium sulfate and sodium sulfate"),
        entry("ferric maltol"),
        entry("iron sucrose"),
        entry("ferrous sulfate", labelled=False),
        entry("lactulose"),
        entry("levothyroxine"),
        entry("apixaban"),
    ]
)


def groups(text: str) -> dict[str, tuple[str, ...]]:
    found = CATALOG.find_mention_groups(text)
    return {mention.text: (mention.drug.key, *alternatives) for mention, alternatives in found}


def test_a_mineral_named_alone_means_the_products_that_contain_it() -> None:
    iron = groups("how much iron should I take")["iron"]
    assert set(iron) == {"ferric maltol", "iron sucrose", "ferrous sulfate"}
    assert iron[-1] == "ferrous sulfate"  # labelled products first
    magnesium = groups("what does magnesium do")["magnesium"]
    assert len(magnesium) == 2


def test_shared_names_list_the_simplest_labelled_product_first() -> None:
    calcium = groups("is calcium safe")["calcium"]
    assert calcium[0] == "calcium gluconate"


def test_an_inactive_ingredient_is_not_a_misspelled_drug() -> None:
    assert groups("does apixaban contain lactose") == {"apixaban": ("apixaban",)}
    assert groups("is lactulose a laxative") == {"lactulose": ("lactulose",)}
    assert "lactulse" in groups("is lactulse a laxative")  # a real misspelling still counts


def test_a_word_of_label_prose_is_not_a_misspelled_drug() -> None:
    factive = DrugEntry(key="gemifloxacin", ingredients=("gemifloxacin",), brands=["Factive"], set_ids=["set-g"])
    catalog = DrugCatalog([factive, entry("gabapentin"), entry("atorvastatin")])
    assert "active" in {m.text for m in catalog.find_mentions("what is the active ingredient in atorvastatin")}
    catalog.prose_word = {"active", "gabapentine"}.__contains__
    assert [m.drug.key for m in catalog.find_mentions("what is the active ingredient in atorvastatin")] == [
        "atorvastatin"
    ]
    # The index stems words: a name with a letter added stays the name, whatever the prose holds.
    assert [m.drug.key for m in catalog.find_mentions("side effects of gabapentine")] == ["gabapentin"]


def test_prose_words_come_from_the_label_text(small_index: Path) -> None:
    words = ProseWords(small_index)
    try:
        assert words("patients")
        assert not words("simvastatn")  # a slip of a drug name occurs in no label
        assert words("patients")  # answered again from what it found the first time
    finally:
        words.close()


def resolve(catalog: DrugCatalog, name: str) -> tuple[str, tuple[str, ...]]:
    found = catalog.resolve(name)
    return (found.drug.key if found.drug else found.status), tuple(c.drug for c in found.candidates)


def test_an_ingredient_named_alone_resolves_to_its_own_salt_product_before_a_mixture() -> None:
    catalog = DrugCatalog(
        [
            entry("calcium and magnesium and oxybates and potassium"),
            entry("potassium chloride", oral=True),
            entry("calcium and meglumine and metrizoic acid"),
            entry("calcium acetate", oral=True),
            entry("calcium gluconate"),
            entry("calcium chloride", labelled=False, oral=True),
        ]
    )
    assert resolve(catalog, "potassium") == ("potassium chloride", ())
    # A labelled salt taken by mouth before one the catalog only knows from the Orange Book, and before an injection.
    assert resolve(catalog, "calcium") == ("calcium acetate", ())
    assert resolve(catalog, "oxybates") == ("calcium and magnesium and oxybates and potassium", ())


def test_a_mineral_typed_alone_with_no_labelled_oral_salt_is_the_mineral_itself_not_an_injection() -> None:
    catalog = DrugCatalog(
        [
            entry("magnesium sulfate", labelled=False),
            entry("calcium gluconate"),
            entry("calcium chloride and magnesium chloride and potassium chloride and sodium chloride"),
            entry("iron sucrose"),
            entry("potassium chloride", oral=True),
        ]
    )
    for name in ("Magnesium", "calcium", "iron"):
        found = catalog.resolve(name)
        assert found.drug is not None, name
        assert found.drug.key == name.lower()
        assert not found.drug.has_label
        assert found.drug.ingredients == (name.lower(),)
        assert is_bare_mineral(found.drug)
    assert resolve(catalog, "potassium") == ("potassium chloride", ())
    # Free text naming a mineral still means every product that holds it.
    assert {m.drug.key for m, _ in catalog.find_mention_groups("what does magnesium do")} <= {
        "magnesium sulfate",
        "calcium chloride and magnesium chloride and potassium chloride and sodium chloride",
    }
    # Rebuilt from its stored form, the catalog adds the minerals again instead of storing them.
    stored = catalog.to_dict()
    assert "magnesium" not in {d["key"] for d in stored["drugs"]}
    assert resolve(DrugCatalog.from_dict(stored), "magnesium") == ("magnesium", ())


def test_a_mineral_salt_keeps_its_cation_and_resolves_to_itself_when_nothing_sells_it_alone() -> None:
    assert moiety("MAGNESIUM OXIDE") == "magnesium oxide"
    assert moiety("calcium carbonate") == "calcium carbonate"
    assert moiety("Sodium Bicarbonate") == "sodium bicarbonate"
    assert moiety("magnesium hydroxide") == "magnesium hydroxide"
    # An anion after a word that is not a salt cation is part of the name; salts of a drug still drop.
    assert moiety("nitric oxide") == "nitric oxide"
    assert moiety("lanthanum carbonate") == "lanthanum carbonate"
    assert moiety("esomeprazole magnesium") == "esomeprazole"
    assert ingredients_of("CITRIC ACID, MAGNESIUM OXIDE AND SODIUM PICOSULFATE") == (
        "citric acid",
        "magnesium oxide",
        "picosulfate",
    )
    catalog = DrugCatalog(
        [
            entry("citric acid and magnesium oxide and picosulfate"),
            entry("calcium carbonate and famotidine and magnesium hydroxide"),
            entry("calcium acetate", oral=True),
            entry("clindamycin"),
        ]
    )
    # Sold over the counter without a label of its own here: the salt itself, not a bowel preparation or an antacid
    # mixture that holds it, and never a close spelling of another salt or drug.
    assert resolve(catalog, "magnesium oxide") == ("magnesium oxide", ())
    assert resolve(catalog, "Calcium Carbonate") == ("calcium carbonate", ())
    assert resolve(catalog, "calcium citrate") == ("calcium citrate", ())
    assert resolve(catalog, "calcium phosphate") == ("calcium phosphate", ())
    # A salt with a product of its own is that product.
    assert resolve(catalog, "calcium acetate") == ("calcium acetate", ())


def test_several_own_salt_products_are_a_choice_between_them_not_the_mixtures_unless_one_is_most_sold() -> None:
    catalog = DrugCatalog(
        [
            entry("potassium chloride", oral=True),
            entry("potassium citrate", oral=True),
            entry("calcium and magnesium and oxybates and potassium"),
        ]
    )
    found = catalog.resolve("potassium")
    assert found.status == "ambiguous"
    assert [c.drug for c in found.candidates] == ["potassium chloride", "potassium citrate"]
    # The salt sold under the most product names is the one people mean.
    marketed = DrugCatalog(
        [entry("potassium chloride", oral=True), entry("potassium citrate", oral=True), entry("potassium acetate")],
        brand_map={
            "K-Tab": ("potassium chloride",),
            "Klor-Con": ("potassium chloride",),
            "Urocit-K": ("potassium citrate",),
        },
    )
    assert resolve(marketed, "potassium") == ("potassium chloride", ())


def test_an_ingredient_only_sold_in_combinations_resolves_to_the_one_the_others_build_on() -> None:
    catalog = DrugCatalog(
        [
            entry("cilastatin and imipenem"),
            entry("cilastatin and imipenem and relebactam"),
            entry("amoxicillin and clavulanate"),
            entry("clavulanate and ticarcillin"),
            entry("alendronate and cholecalciferol"),
            entry("cholecalciferol and cyanocobalamin and folic acid"),
            entry("calcium chloride and potassium chloride and sodium chloride and sodium citrate"),
            entry("calcium chloride and dextrose and potassium chloride and sodium chloride and sodium citrate"),
        ]
    )
    assert resolve(catalog, "imipenem") == ("cilastatin and imipenem", ())
    assert resolve(catalog, "cilastatin") == ("cilastatin and imipenem", ())
    # Two different partners, products that do not all contain the simplest one, or only mixtures of many: a choice.
    assert catalog.resolve("clavulanate").status == "ambiguous"
    assert catalog.resolve("cholecalciferol").status == "ambiguous"
    # A mineral salt found only in mixtures is the salt itself (see the mineral tests above).
    assert resolve(catalog, "sodium citrate") == ("sodium citrate", ())
    # A typed combination is still that combination.
    assert resolve(catalog, "cilastatin/imipenem/relebactam") == ("cilastatin and imipenem and relebactam", ())


def test_a_word_of_one_single_drug_and_its_combinations_is_that_drug() -> None:
    catalog = DrugCatalog(
        [
            entry("candesartan cilexetil"),
            entry("candesartan cilexetil and hydrochlorothiazide"),
            entry("tenofovir alafenamide"),
            entry("tenofovir disoproxil"),
            entry("efavirenz and emtricitabine and tenofovir disoproxil"),
            entry("insulin aspart"),
            entry("insulin glargine"),
            entry("insulin degludec and liraglutide"),
            entry("bempedoic acid"),
            entry("bempedoic acid and ezetimibe"),
        ]
    )
    assert resolve(catalog, "candesartan") == ("candesartan cilexetil", ())
    assert resolve(catalog, "Candesartan") == ("candesartan cilexetil", ())
    # Two single drugs hold the word (different prodrugs, different insulins): the user is asked which.
    assert catalog.resolve("tenofovir").status == "ambiguous"
    assert catalog.resolve("insulin").status == "ambiguous"
    assert resolve(catalog, "bempedoic") == ("bempedoic acid", ())
    # The combination typed in full is still the combination.
    assert resolve(catalog, "candesartan cilexetil/hydrochlorothiazide") == (
        "candesartan cilexetil and hydrochlorothiazide",
        (),
    )


def test_hydrate_and_basicity_words_qualify_a_salt_and_are_never_an_ingredient() -> None:
    assert ingredients_of("SODIUM PHOSPHATE, MONOBASIC, MONOHYDRATE AND SODIUM PHOSPHATE, DIBASIC, ANHYDROUS") == (
        "sodium phosphate",
    )
    assert ingredients_of("POTASSIUM PHOSPHATE, DIBASIC; POTASSIUM PHOSPHATE, MONOBASIC") == ("potassium phosphate",)
    assert moiety("magnesium sulfate heptahydrate") == "magnesium sulfate"
    assert moiety("ampicillin trihydrate") == "ampicillin"


def test_a_mineral_without_a_label_is_spoken_for_by_its_salts_labels() -> None:
    catalog = DrugCatalog(
        [
            entry("magnesium sulfate", oral=False),
            entry("magnesium citrate and potassium citrate", oral=True),
            entry("calcium and magnesium and oxybates and potassium", oral=True),
            entry("magnesium oxide and simethicone", labelled=False, oral=True),
            entry("lactulose"),
        ]
    )
    mineral = catalog.resolve("magnesium").drug
    assert mineral is not None
    assert not mineral.has_label
    related = catalog.related_labelled(mineral.key)
    # Single salts first, then the fewest ingredients, taken by mouth before an injection; unlabelled never.
    assert related == [
        "magnesium sulfate",
        "magnesium citrate and potassium citrate",
        "calcium and magnesium and oxybates and potassium",
    ]


def test_a_salt_of_iron_or_zinc_typed_as_a_medicine_is_the_mineral() -> None:
    catalog = DrugCatalog(
        [
            entry("ethinyl estradiol and ferrous and norethindrone", oral=True),
            entry("ferrous and folic acid", labelled=False, oral=True),
            entry("zinc", oral=True),
            entry("miconazole and white petrolatum and zinc oxide", labelled=False),
            entry("ferric", oral=True),
        ]
    )
    # "ferrous sulfate" was a choice between an oral contraceptive and a vitamin that hold a ferrous salt.
    for name in ("ferrous sulfate", "Ferrous Gluconate", "ferrous fumarate", "iron"):
        assert resolve(catalog, name) == ("iron", ()), name
    for name in ("zinc oxide", "zinc sulfate", "zinc gluconate"):
        assert resolve(catalog, name) == ("zinc", ()), name
    # A salt with a product of its own stays that product; antacid salts keep their own name.
    assert resolve(catalog, "ferric citrate") == ("ferric", ())
    assert resolve(catalog, "magnesium oxide") == ("magnesium oxide", ())


def test_everyday_otc_names_resolve_and_survive_the_stored_catalog() -> None:
    stored = DrugCatalog.from_dict(json.loads(json.dumps(CATALOG.to_dict())))
    for built in (CATALOG, stored):
        tums = built.resolve("Tums").drug
        assert tums is not None
        assert (tums.key, tums.has_label) == ("calcium carbonate", False)
        rolaids = built.resolve("rolaids").drug
        assert rolaids is not None
        assert rolaids.ingredients == ("calcium carbonate", "magnesium hydroxide")
        assert not rolaids.has_label
        antacids = built.resolve("antacid").drug
        assert antacids is not None
        assert antacids == built.resolve("Antacids").drug
        assert antacids.ingredients == ("antacids",)
        # An OTC mixture is reached by its own name, not by every mention of a mineral it holds.
        (mention, others), *_ = built.find_mention_groups("what does magnesium do")
        assert rolaids.key not in (mention.drug.key, *others)
        # "antacids" in a label's text is the class the lexicon reads, not a drug named.
        assert built.find_mentions("take 2 hours before antacids") == []
    assert CATALOG.to_dict() == stored.to_dict()


def test_suggestions_need_a_real_resemblance() -> None:
    assert CATALOG.suggest("xxyy") == []
    assert CATALOG.suggest("zzqq") == []
    assert [c.drug for c in CATALOG.suggest("levthyrxn")][:1] == ["levothyroxine"]


FAMILY_CATALOG = DrugCatalog(
    [
        entry("insulin aspart"),
        entry("insulin aspart and water"),
        entry("insulin glargine"),
        entry("insulin human"),
        entry("insulin degludec and liraglutide"),
        entry("tenofovir disoproxil"),
        entry("efavirenz and emtricitabine and tenofovir disoproxil"),
        entry("abacavir"),
        entry("abacavir and lamivudine"),
        entry("lamivudine and zidovudine"),
        DrugEntry(key="alpha", ingredients=("alpha",), brands=["Samename"], set_ids=["set-a"]),
        DrugEntry(key="beta", ingredients=("beta",), brands=["Samename"], set_ids=["set-b"]),
    ]
)


def test_a_word_several_single_drugs_hold_is_a_family_of_them() -> None:
    family = FAMILY_CATALOG.family(FAMILY_CATALOG.resolve("Insulin"))
    assert family is not None
    assert family.name == "insulin"
    # Alone first; a pack with a vehicle (water) is still the medicine alone; a partner medicine is left out.
    assert [m.key for m in family.members][-1] == "insulin aspart and water"
    assert {m.key for m in family.members} == {
        "insulin aspart",
        "insulin aspart and water",
        "insulin glargine",
        "insulin human",
    }
    assert family.left_out == ("insulin degludec and liraglutide",)
    assert family.total == 4


def test_a_family_is_capped_and_says_how_many_hold_the_word() -> None:
    family = FAMILY_CATALOG.family(FAMILY_CATALOG.resolve("insulin"), limit=2)
    assert family is not None
    assert len(family.members) == 2
    assert family.total == 4


def test_combinations_are_the_family_only_when_nothing_holds_the_word_alone() -> None:
    # Every lamivudine product here pairs it with another medicine: those are what "lamivudine" can be.
    family = FAMILY_CATALOG.family(FAMILY_CATALOG.resolve("lamivudine"))
    assert family is not None
    assert {m.key for m in family.members} == {"abacavir and lamivudine", "lamivudine and zidovudine"}
    assert family.left_out == ()


def test_a_name_shared_by_unrelated_drugs_or_a_misspelling_is_no_family() -> None:
    shared = FAMILY_CATALOG.resolve("Samename")
    assert shared.status == "ambiguous"
    assert FAMILY_CATALOG.family(shared) is None
    assert FAMILY_CATALOG.family(FAMILY_CATALOG.resolve("abacavir")) is None  # resolved: not a choice
    assert FAMILY_CATALOG.family(FAMILY_CATALOG.resolve("insulim")) is None
