"""References: each leads to a web page (a DOI to doi.org, a PMID to PubMed). In the PDF's
list, numbers are aligned, every address stays inside the page at every print size (broken
after a "/"), and every source is clickable (see also tests/test_pdf_files.py)."""

from __future__ import annotations

import pytest

from consultprep.content import load_library


@pytest.mark.parametrize("scale", [1.0, 1.4, 2.0])
def test_every_reference_address_fits_the_page_at_every_print_size(scale: float) -> None:
    from exports.fonts import register_fonts
    from exports.paragraphs import PackParagraph
    from exports.references import _link, address_lines
    from exports.styles import FRAME_WIDTH, styles

    register_fonts()

    class Sized:  # what _link needs of a pack
        st = styles(scale)

    style = Sized.st["reference"]
    width = FRAME_WIDTH - style.leftIndent
    for ref in load_library().references:
        lines = address_lines(ref.link, width, style.fontName, style.fontSize)
        assert "".join(lines) == ref.link  # nothing added or lost
        # Never a line ending in "-" (it would read as a word broken over two lines).
        assert not any(line.endswith(("-", "_", ".")) for line in lines[:-1]), lines
        para = PackParagraph(_link(ref.link, Sized), style)  # as it follows the citation
        para.wrap(width, 10_000)
        assert max(para.getActualLineWidths0()) <= width + 0.01, (scale, ref.id)
    assert address_lines("https://a.b/" + "x" * 300, 100, style.fontName, 10)[1:]  # anywhere


@pytest.mark.parametrize("scale", [1.0, 1.4])
def test_reference_numbers_up_to_99_leave_the_text_aligned(scale: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exports.fonts import register_fonts
    from exports.styles import styles

    register_fonts()
    st = styles(scale)["reference"]
    widest = stringWidth("[99]", st.bulletFontName, st.bulletFontSize)
    assert st.bulletIndent + widest + 3 <= st.leftIndent  # else line 1 starts further right


def test_a_long_web_address_breaks_after_a_slash() -> None:
    from exports.fonts import register_fonts
    from exports.paragraphs import PackParagraph
    from exports.references import _link
    from exports.styles import FRAME_WIDTH, styles

    register_fonts()
    url = (
        "https://www.fda.gov/vaccines-blood-biologics/consumers-biologics/"
        "consumer-alert-regenerative-medicine-products-including-stem-cells-and-exosomes"
    )

    class Normal:  # what _link needs of a pack
        st = styles()

    p = PackParagraph(f"A source.<br/>{_link(url, Normal)}", Normal.st["reference"])
    p.wrap(FRAME_WIDTH, 1000)
    lines = ["".join(f.text for f in line.words).strip() for line in p.blPara.lines]
    url_lines = lines[1:]
    assert len(url_lines) == 2 and "".join(url_lines) == url
    assert url_lines[0].endswith("/")  # not "...consumer-alert-regen" + "erative..."


def test_a_doi_is_printed_as_cited_and_leads_to_doi_org() -> None:
    from exports.references import _link
    from exports.styles import styles

    class Normal:  # what _link needs of a pack
        st = styles()

    assert _link("doi:10.1002/14651858.CD013357.pub2", Normal) == (
        '<a href="https://doi.org/10.1002/14651858.CD013357.pub2" color="#1F4E8C">'
        "doi:10.1002/14651858.CD013357.pub2</a>"
    )
    assert _link("PMID 27256706", Normal).startswith(
        '<a href="https://pubmed.ncbi.nlm.nih.gov/27256706/"'
    )
    assert _link("ISBN 0-19-852663-6 & <more>", Normal) == "ISBN 0-19-852663-6 &amp; &lt;more&gt;"


def test_every_reference_leads_to_a_web_page() -> None:
    from consultprep.links import web_address

    library = load_library()
    assert all((web_address(r.link) or "").startswith("https://") for r in library.references)
    assert web_address("doi:10.1002/14651858.CD013357.pub2") == (
        "https://doi.org/10.1002/14651858.CD013357.pub2"
    )
    assert web_address("PMID 27256706") == "https://pubmed.ncbi.nlm.nih.gov/27256706/"
    assert web_address("doi:10.1234/a<b>") == "https://doi.org/10.1234/a%3Cb%3E"
    for not_a_page in ("ISBN 0-19-852663-6", 'https://a.b/"x"', "https://a.b/x y", "PMID x"):
        assert web_address(not_a_page) is None


def test_a_long_address_is_broken_before_a_hyphen_not_after() -> None:
    from exports.fonts import register_fonts
    from exports.references import address_lines

    register_fonts()
    address = "https://www.example.org/guidance/advanced-therapy-medicinal-products-regulation"
    lines = address_lines(address, 150, "DejaVuSans", 10)
    assert "".join(lines) == address and len(lines) > 2
    assert lines[:2] == ["https://www.example.org/", "guidance/"]
    assert lines[3:] and all(line.startswith("-") for line in lines[3:]), lines
