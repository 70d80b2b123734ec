"""The summary on "Check and save" (ui.summary_view): the answers of every section start in
one column, and that column costs no more as the summary grows."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def test_the_answers_of_every_section_start_in_one_column(qtbot) -> None:
    """With short names in one section ("Name", "Where") and a long one in the next, each
    section's answers started where its own longest name ended (a helper's review)."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from tests.a11y_helpers import settle
    from ui.summary_view import Facts, SummaryView

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 400)
    view = SummaryView(QVBoxLayout(host))
    view.show([
        ("About your skin", "Name: Ann\nWhere: Left arm"),
        ("Offer from a clinic", "Treatment: Stem cells\nWarning signs ticked: none"),
    ])
    host.show()
    settle()
    facts = host.findChildren(Facts)
    assert len(facts) == 2 and all(f.side_by_side for f in facts)
    lefts = {a.mapTo(host, QPoint(0, 0)).x() for f in facts for _, a in f.pairs}
    assert len(lefts) == 1, lefts
    # a longer name typed into the first section later moves both columns together
    view.show([
        ("About your skin", "Name: Ann\nOther health conditions: none"),
        ("Offer from a clinic", "Treatment: Stem cells\nWarning signs ticked: none"),
    ])
    settle()
    lefts = {a.mapTo(host, QPoint(0, 0)).x() for f in facts for _, a in f.pairs}
    assert len(lefts) == 1, lefts


def test_one_column_for_the_names_costs_no_more_as_the_summary_grows(
    qtbot, monkeypatch
) -> None:
    """Each name asked the width of every other at each layout: 200 facts cost 81,000 width
    calls, and a draft with 1,000 tried treatments took 20 s to show. Counted, not timed."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from tests.a11y_helpers import settle
    from ui import summary_view
    from ui.summary_view import SummaryView

    calls = 0
    natural = summary_view.FactName.natural_width

    def counted(self) -> int:
        nonlocal calls
        calls += 1
        return natural(self)

    monkeypatch.setattr(summary_view.FactName, "natural_width", counted)
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 600)
    view = SummaryView(QVBoxLayout(host))
    facts = 400
    view.show([("About your skin", "\n".join(f"Tried: treatment {n}" for n in range(facts)))])
    host.show()
    settle()
    assert calls < 10 * facts, calls


def test_no_top_three_says_how_to_choose_them() -> None:
    """"No top three chosen." gave no way on; page 1 of the pack then says only that none
    were chosen (a helper's walk through as a new patient)."""
    from consultprep.content import load_library
    from consultprep.models import Draft
    from consultprep.summary import NO_TOP, summary_lines

    library = load_library()
    draft = Draft()
    draft.concern = "scars"
    from consultprep.checklist import sync_checklist

    sync_checklist(draft, library)
    questions = dict(summary_lines(draft, library))["Your questions"]
    assert questions.endswith(NO_TOP) and "☆ Top 3" in NO_TOP
    draft.checklist[0].top = True
    assert NO_TOP not in dict(summary_lines(draft, library))["Your questions"]
