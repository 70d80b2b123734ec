"""Save a PNG of every wizard page, to look at the app without a screen.

Usage::

    QT_QPA_PLATFORM=offscreen python -m ui.screenshots OUT_DIR [--draft FILE] [--long]
        [--size 1000x760]

With ``--draft`` the pages show that ``.consultprep`` file; otherwise a scripted draft is used
(``--long`` fills it with a very long Unicode name and a 5,000-character symptoms text). For
each page two pictures are saved: ``NN-page.png`` (the window as the patient sees it) and
``NN-page-full.png`` (the whole scrollable page, to check nothing is clipped further down).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from consultprep.checklist import add_own_question, set_top, sync_checklist
from consultprep.content import Library, load_library
from consultprep.models import AboutSkin, ClinicOffer, Draft, Scores, TriedTreatment
from consultprep.storage import load_draft

LONG_NAME = "Zoë Ångström-Łukasiewicz-Oyèlárán 李小龍 Μαρία محمد 🙂 " * 3
LONG_SYMPTOMS = ("Itchy, sore and sometimes bleeding; worse at night — ünïcödé ✓. " * 80)[:5000]


def scripted_draft(library: Library, *, long: bool = False, concern_index: int = 0) -> Draft:
    """A filled-in draft for the pictures (``long``: extreme name and symptoms)."""
    concern = library.concerns[concern_index]
    draft = Draft(concern=concern.id, subtype=concern.subtypes[-1].id)
    draft.about = AboutSkin(
        patient_name=LONG_NAME.strip() if long else "Zoë <b>&amp;</b> 🙂",
        body_area="Left lower leg, just above the ankle",
        duration="About two years",
        symptoms=LONG_SYMPTOMS if long else "Itchy and sore, bleeds when knocked.",
        scores=Scores(itch=7, pain=3, sleep=5),
        treatments_tried=[
            TriedTreatment(name="Steroid cream", how_it_went="Helped a little at first"),
            TriedTreatment(name="Silicone sheets", how_it_went="Hard to keep on"),
        ],
        medicines="Metformin 500 mg twice a day",
        allergies="Penicillin",
        conditions=[library.conditions[0].id],
        goals="I would like it to stop itching at night.",
        appointment_date=date(2031, 3, 14),
        clinician="Dr Ada Ñúñez",
    )
    draft.offer = ClinicOffer(
        offered=True,
        treatment="Stem-cell injections",
        clinic="Bright Skin Clinic",
        location="abroad",
        country="Somewhere",
        cost="£4,000 for three sessions",
        claims="They said it would be gone in six weeks.",
        red_flags=[f.id for f in library.red_flags[:2]],
    )
    sync_checklist(draft, library)
    own = add_own_question(draft, "Can I bring my daughter to the appointment? (<b>yes?</b>)")
    set_top(draft, own.id, True)
    set_top(draft, draft.checklist[0].id, True)
    draft.checklist[1].included = False
    return draft


def save_pictures(
    out_dir: Path, draft: Draft, library: Library, size: tuple[int, int] = (1000, 760)
) -> list[Path]:
    """Walk every page of a real main window on ``draft`` and save PNGs; return the files."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from ui.app import ensure_app
    from ui.main_window import MainWindow
    from ui.style import apply_app_style
    from ui.wizard import PageId

    app = ensure_app()
    apply_app_style(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(library, draft, None)
    window.resize(*size)
    window.show()
    saved: list[Path] = []
    for page_id in PageId:
        if window.wizard.currentId() != page_id:
            window.wizard.next()
        if window.wizard.currentId() != page_id:
            print(f"could not reach page {page_id.name}", file=sys.stderr)
            break
        for _ in range(3):
            app.processEvents()
        stem = f"{int(page_id):02d}-{page_id.name.lower()}"
        path = out_dir / f"{stem}.png"
        window.grab().save(str(path))
        saved.append(path)
        page = window.wizard.currentPage()
        areas = page.findChildren(QScrollArea)
        if areas and areas[0].widget() is not None:
            content = areas[0].widget()
            full = out_dir / f"{stem}-full.png"
            content.grab().save(str(full))
            saved.append(full)
    window.hide()  # not close(): that would ask about saving the scripted draft
    window.deleteLater()
    QApplication.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--draft", help="a .consultprep file to show")
    parser.add_argument("--long", action="store_true", help="extreme name and symptoms")
    parser.add_argument("--concern", type=int, default=0, help="which concern, 0 to 3")
    parser.add_argument("--size", default="1000x760", help="window size, e.g. 800x600")
    args = parser.parse_args(argv)
    library = load_library()
    if args.draft:
        draft = load_draft(args.draft)
    else:
        draft = scripted_draft(library, long=args.long, concern_index=args.concern)
    width, height = (int(n) for n in args.size.lower().split("x"))
    for path in save_pictures(args.out_dir, draft, library, (width, height)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
