"""Drug names in free text: minerals named alone, inactive ingredients that are not misspelled drugs."""

from __future__ import annotations

from pharmabot.knowledge.names import DrugCatalog, DrugEntry


def entry(key: str, *, labelled: bool = True) -> DrugEntry:
    return DrugEntry(key=key, ingredients=tuple(key.split(" and ")), set_ids=[f"set-{key}"] if labelled else [])


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
