"""The order in which treatments are shown, on the ladder and as cards (screen and PDF). No Qt."""

from __future__ import annotations

import pytest

from consultprep.content import Library, load_library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def test_established_care_comes_first_and_each_kind_follows_the_ladder(library: Library) -> None:
    """On a rung, established care is named before a stem-cell option (diabetic foot ulcers,
    rung 3); within a kind, cards go from the highest rung down (scars: fat grafting, rung 2,
    before MSC injections, rung 1)."""
    from consultprep.evidence import KIND_ORDER, ladder_rows

    for concern in library.concerns:
        for _, on_rung in ladder_rows(concern):
            ranks = [KIND_ORDER.index(t.kind) for t in on_rung]
            assert ranks == sorted(ranks), concern.id
        for kind in KIND_ORDER:
            levels = [t.level or 0 for t in concern.treatments_of(kind)]
            assert levels == sorted(levels, reverse=True), (concern.id, kind)
    foot = library.concern("chronic-wound").for_subtype("diabetic-foot")
    rung_3 = dict(ladder_rows(foot))[3]
    assert [t.kind for t in rung_3] == ["established", "regenerative"]
