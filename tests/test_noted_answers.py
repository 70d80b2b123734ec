"""Answers written down (or imported from a filled-in PDF) are shown on "Check and save".

A data-safety hunt found that the app showed imported answers nowhere, so a patient could
not see what the next PDF would print, or that a question they removed held one.
"""

from __future__ import annotations

from consultprep.checklist import add_own_question, sync_checklist
from consultprep.content import load_library
from consultprep.models import Draft
from consultprep.summary import NOTED_MOST, summary_lines

LIBRARY = load_library()


def _draft() -> Draft:
    draft = Draft(concern="scars")
    sync_checklist(draft, LIBRARY)
    return draft


def test_nothing_noted_adds_no_part() -> None:
    assert "Answers you noted" not in dict(summary_lines(_draft(), LIBRARY))


def test_asked_questions_are_counted_and_answers_shown_with_their_question() -> None:
    draft = _draft()
    own = add_own_question(draft, "Cost: what will it be in all?")
    own.answer, own.asked = "Dr Patel: about £4,000\nwith aftercare.\nNo refunds.", True
    draft.checklist[0].asked = True
    noted = dict(summary_lines(draft, LIBRARY))["Answers you noted"].splitlines()
    assert noted == [
        "2 questions ticked as asked.",
        "“Cost: what will it be in all?” — Dr Patel: about £4,000; with aftercare. No refunds.",
    ]


def test_a_long_list_of_answers_is_cut_and_says_so() -> None:
    draft = _draft()
    for n in range(10):
        add_own_question(draft, f"My question number {n}?")
    for item in draft.checklist:
        item.answer = "Yes. " * 100
    noted = dict(summary_lines(draft, LIBRARY))["Answers you noted"].splitlines()
    answered = len(draft.checklist)
    assert answered > NOTED_MOST
    assert len([line for line in noted if line.startswith("“")]) == NOTED_MOST
    assert f"And {answered - NOTED_MOST} more answers, all printed in the PDF." in noted
    assert noted[-1].startswith("(A “…” means the answer is shortened here.")


def test_a_shortened_text_that_ends_a_sentence_is_not_followed_by_four_dots() -> None:
    from consultprep.labels import shorten

    assert shorten("It cracks and can bleed.\nScalp itch at night.") == "It cracks and can bleed. …"
    assert shorten("Itchy\nat night") == "Itchy…"
    assert shorten("Whole.") == "Whole."
