#!/usr/bin/env python3
"""Writes the hostile corpus of kinerja: workbooks crafted to crash, stall or mislead a reader.

Each case starts from a real unit report written by XlsxWriter (../fixtures/kr07_2024_capaian.xlsx,
NPSS 99.27) and changes its package with Python's zipfile and plain text edits, so nothing here
depends on kinerja's own reader. Every case and the outcome `kinerja check` must give for it are
listed in expected.json; `cargo test` checks each one against the real binary, and `kinerja serve`
takes them all while good reports keep flowing (tests/kinerja/hostile.rs).

Run `python3 generate.py` in this folder; the files are committed, so tests need no Python.
Links, FIFOs and devices cannot be committed: the tests make them at run time.
"""

import io
import json
import random
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "fixtures", "kr07_2024_capaian.xlsx")
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
WORKBOOK = "xl/workbook.xml"
BASE_NPSS = "99.27"


def base_parts():
    with zipfile.ZipFile(BASE) as z:
        return {name: z.read(name) for name in z.namelist()}


def stamped(part):
    """A part name with a fixed time, so regenerating gives the same bytes."""
    return zipfile.ZipInfo(part, date_time=(2025, 1, 1, 0, 0, 0))


def write(name, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", compression) as z:
        for part, data in parts.items():
            z.writestr(stamped(part), data, compress_type=compression)


def ods_parts():
    with zipfile.ZipFile(os.path.join(HERE, "..", "fixtures", "kr07_2024_capaian.ods")) as z:
        return {name: z.read(name) for name in z.namelist()}


def write_ods(name, parts):
    """An OpenDocument package: its mimetype first and stored, as the format asks."""
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(stamped("mimetype"), parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for part, data in parts.items():
            z.writestr(stamped(part), data, compress_type=zipfile.ZIP_DEFLATED)


def edited(part, old, new, parts=None):
    parts = parts or base_parts()
    text = parts[part].decode("utf-8")
    assert old in text, (part, old)
    parts[part] = text.replace(old, new, 1).encode("utf-8")
    return parts


CASES = []


def record_at(xls, head):
    at = xls.find(head)
    assert at > 0, head
    return at


def patched_xls(name, where):
    """The Kanreg VII .xls fixture with one 32-bit field overwritten: `where(bytes)` gives its
    offset and its new value."""
    with open(os.path.join(HERE, "..", "fixtures", "kr07_2024_capaian.xls"), "rb") as f:
        xls = bytearray(f.read())
    offset, value = where(xls)
    struct.pack_into("<I", xls, offset, value)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(xls)


def case(name, exit_code, codes=(), npss=None, args=(), absent=()):
    CASES.append(
        {"file": name, "args": list(args), "exit": exit_code, "codes": list(codes), "absent": list(absent), "npss": npss}
    )


def main():
    # 1. Declared counts that would make a reader reserve terabytes: read as if absent.
    write("unique_count_huge.xlsx", edited(STRINGS, 'count="98" uniqueCount="75"',
                                           'count="18446744073709551615" uniqueCount="18446744073709551615"'))
    case("unique_count_huge.xlsx", 0, npss=BASE_NPSS)
    write("dimension_huge.xlsx", edited(SHEET, '<dimension ref="A1:F23"/>', '<dimension ref="A1:XFD1048576"/>'))
    case("dimension_huge.xlsx", 0, npss=BASE_NPSS)

    # 2. One stray cell in the far corner next to a normal report.
    write("far_corner_cell.xlsx", edited(SHEET, "</sheetData>",
                                         '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    case("far_corner_cell.xlsx", 0, npss=BASE_NPSS)

    # 3. Cell references no sheet can hold: that sheet is named as unreadable, never skipped.
    write("cell_ref_beyond_u32.xlsx", edited(SHEET, '<c r="A1" t="s">', '<c r="A99999999999" t="s">'))
    case("cell_ref_beyond_u32.xlsx", 1, codes=["SHEET_UNREADABLE"])
    write("shared_string_index_missing.xlsx", edited(SHEET, '<c r="A1" t="s"><v>0</v>', '<c r="A1" t="s"><v>99999</v>'))
    case("shared_string_index_missing.xlsx", 1, codes=["SHEET_UNREADABLE"])

    # 4. Excel 365's error values: each is a FORMULA_ERROR at its cell; the sheet stays.
    errors = ["#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!",
              "#PYTHON!"]
    parts = base_parts()
    text = parts[SHEET].decode("utf-8")
    for cell, error in zip(["E5", "E8", "E9"], errors):
        start = text.index(f'<c r="{cell}"')
        end = text.index("</c>", start) + len("</c>")
        text = text[:start] + f'<c r="{cell}" t="e"><f>A1</f><v>{error}</v></c>' + text[end:]
    parts[SHEET] = text.encode("utf-8")
    write("excel365_error_values.xlsx", parts)
    case("excel365_error_values.xlsx", 1, codes=["FORMULA_ERROR"], absent=["FILE_EMPTY", "SHEET_UNREADABLE"])

    # 5. Bombs: an honest huge part, a part that lies about its size, thousands of parts.
    padding = " " * (80 * 1024 * 1024)
    write("bomb_shared_strings.xlsx", edited(STRINGS, "<si>", padding + "<si>"))
    case("bomb_shared_strings.xlsx", 2, codes=["FILE_TOO_LARGE"])
    lying = io.BytesIO()
    with zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in edited(STRINGS, "<si>", " " * (20 * 1024 * 1024) + "<si>").items():
            z.writestr(stamped(part), data, compress_type=zipfile.ZIP_DEFLATED)
    data = bytearray(lying.getvalue())
    declared = len(base_parts()[STRINGS])
    at = 0
    while True:
        at = data.find(b"PK", at)
        if at < 0:
            break
        signature = bytes(data[at:at + 4])
        name_at = {b"PK\x03\x04": 30, b"PK\x01\x02": 46}.get(signature)
        if name_at is not None:
            name_len = struct.unpack_from("<H", data, at + (26 if signature == b"PK\x03\x04" else 28))[0]
            name = bytes(data[at + name_at:at + name_at + name_len])
            if name == STRINGS.encode():
                size_at = at + (22 if signature == b"PK\x03\x04" else 24)
                struct.pack_into("<I", data, size_at, declared)
        at += 2
    with open(os.path.join(HERE, "bomb_lying_size.xlsx"), "wb") as f:
        f.write(data)
    case("bomb_lying_size.xlsx", 2, codes=["FILE_UNREADABLE"])
    parts = base_parts()
    for i in range(2500):
        parts[f"xl/media/padding{i}.bin"] = b""
    write("many_parts.xlsx", parts)
    case("many_parts.xlsx", 2, codes=["FILE_TOO_LARGE"])

    # 6. Far more cells than any report: refused at the limit (lowered here by the config).
    rows = "".join(f'<row r="{r}"><c r="H{r}"><v>{r}</v></c><c r="I{r}"><v>{r}</v></c></row>'
                   for r in range(30, 60030))
    write("too_many_cells.xlsx", edited(SHEET, "</sheetData>", rows + "</sheetData>"))
    case("too_many_cells.xlsx", 2, codes=["FILE_TOO_LARGE"], args=["--config", "limits.toml"])

    # 7. Text no report holds: 10 MB in one cell (quoted short), a sheet name with a line break.
    # Letters that do not compress away, so the package stays under the ratio limit and is read.
    noise = "".join(random.Random(7).choices("abcdefghijklmnopqrstuvwxyz", k=10 * 1024 * 1024))
    write("huge_text_cell.xlsx", edited(SHEET, '<c r="E8" t="s"><v>20</v></c>',
                                        '<c r="E8" t="inlineStr"><is><t>' + noise + "</t></is></c>"))
    case("huge_text_cell.xlsx", 1, codes=["CELL_UNREADABLE"])
    write("sheet_name_line_break.xlsx", edited(WORKBOOK, 'name="Tabel 3.2"', 'name="Tabel&#10;3.2"'))
    case("sheet_name_line_break.xlsx", 0, npss=BASE_NPSS)

    # 8. Markup attacks: entity expansion, deep nesting, bytes that are not UTF-8.
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
              + ']>')
    write("entity_expansion.xlsx", edited(STRINGS, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                                          laughs, edited(STRINGS, "<t>Stakeholder Perspective</t>",
                                                         "<t>Stakeholder Perspective&lol9;</t>")))
    case("entity_expansion.xlsx", 0, npss=BASE_NPSS)
    write("deep_nesting.xlsx", edited(SHEET, "</sheetData>", "<x>" * 20000 + "</x>" * 20000 + "</sheetData>"))
    case("deep_nesting.xlsx", 0, npss=BASE_NPSS)
    parts = base_parts()
    parts[SHEET] = parts[SHEET].replace(b"<sheetData>", b"<sheetData>\xff\xfe\xc0", 1)
    write("invalid_utf8.xlsx", parts)
    case("invalid_utf8.xlsx", 1, codes=["SHEET_UNREADABLE"])
    write("number_overflow.xlsx", edited(SHEET, '<c r="E9" t="s"><v>23</v></c>', '<c r="E9"><v>1e999</v></c>'))
    case("number_overflow.xlsx", 1, codes=["FORMULA_ERROR"])
    # A realisasi that fits an exact decimal whose capaian (a hundred times it) does not: said, not
    # an internal failure.
    write("capaian_overflow.xlsx", edited(SHEET, '<c r="E9" t="s"><v>23</v></c>', '<c r="E9"><v>7.9e27</v></c>'))
    case("capaian_overflow.xlsx", 1, codes=["VALUE_OUT_OF_RANGE"], absent=["PROCESSING_FAILED"])

    # 9. Hidden sheets: a very hidden copy with other figures never stands in for the visible one;
    #    a report whose only table is hidden is scored with a warning.
    parts = base_parts()
    decoy = parts[SHEET].decode("utf-8").replace('<c r="E9" t="s"><v>23</v></c>', '<c r="E9"><v>1</v></c>')
    parts["xl/worksheets/sheet3.xml"] = decoy.encode("utf-8")
    parts = edited(WORKBOOK, '<sheets>', '<sheets><sheet name="Lama" sheetId="3" state="veryHidden" r:id="rId9"/>',
                   parts)
    parts = edited("xl/_rels/workbook.xml.rels", "</Relationships>",
                   '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'worksheet" Target="worksheets/sheet3.xml"/></Relationships>', parts)
    parts = edited("[Content_Types].xml", "</Types>",
                   '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>', parts)
    write("very_hidden_decoy.xlsx", parts)
    case("very_hidden_decoy.xlsx", 0, npss=BASE_NPSS, absent=["TABLE_HIDDEN"])
    write("only_table_hidden.xlsx", edited(WORKBOOK, '<sheet name="Tabel 3.2" sheetId="1"',
                                           '<sheet name="Tabel 3.2" sheetId="1" state="hidden"'))
    case("only_table_hidden.xlsx", 0, codes=["TABLE_HIDDEN"], npss=BASE_NPSS,
         args=["--unit", "KR07", "--year", "2024", "--period", "TAHUNAN"])

    # 10. Not a workbook at all, a truncated one, an empty archive.
    with open(os.path.join(HERE, "text_named_xlsx.xlsx"), "w") as f:
        f.write("Ini bukan buku kerja.\n" * 100)
    case("text_named_xlsx.xlsx", 2, codes=["FILE_UNREADABLE"])
    with open(BASE, "rb") as f:
        whole = f.read()
    with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    case("truncated.xlsx", 2, codes=["FILE_UNREADABLE"])
    write("empty_archive.xlsx", {})
    case("empty_archive.xlsx", 2, codes=["FILE_UNREADABLE"])

    # 11. Found by the fuzzer (examples/fuzz.rs), rebuilt here: a compound file whose directory
    #     chain loops (calamine grew it until memory ran out), an ODS whose content ends early
    #     (calamine's ODS reader looped for ever).
    def directory_loop(xls):
        dir_start = struct.unpack_from("<I", xls, 48)[0]
        fat_sector = struct.unpack_from("<I", xls, 76)[0]
        return (fat_sector + 1) * 512 + 4 * dir_start, dir_start

    patched_xls("xls_looping_chain.xls", directory_loop)
    case("xls_looping_chain.xls", 2, codes=["FILE_UNREADABLE"])
    # The first sheet's DIMENSIONS record (type 0x0200, 14 bytes) declaring four billion rows:
    # calamine reserved room for all of them.
    patched_xls("xls_dimensions_huge.xls", lambda xls: (record_at(xls, b"\x00\x02\x0e\x00") + 8, 0xFFFF_FFF0))
    case("xls_dimensions_huge.xls", 2, codes=["FILE_TOO_LARGE"])
    # A BOUNDSHEET record (type 0x0085) whose sheet starts a megabyte past the end of the stream:
    # calamine sliced the stream there and panicked.
    patched_xls("xls_sheet_beyond_stream.xls", lambda xls: (record_at(xls, b"\x85\x00") + 4, 0x0010_0000))
    case("xls_sheet_beyond_stream.xls", 2, codes=["FILE_UNREADABLE"])
    ods = ods_parts()
    ods["content.xml"] = ods["content.xml"][: len(ods["content.xml"]) * 2 // 3]
    write_ods("ods_content_cut.ods", ods)
    case("ods_content_cut.ods", 2, codes=["FILE_UNREADABLE"])
    # A row of a thousand filled cells repeated down to the sheet's last row (a few bytes):
    # each repeat is a cell read, so the file is too large, not read for minutes.
    ods = ods_parts()
    row = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated='
           '"1024" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>')
    ods["content.xml"] = ods["content.xml"].replace(b"</table:table>", row.encode() + b"</table:table>", 1)
    write_ods("ods_repeated_rows.ods", ods)
    case("ods_repeated_rows.ods", 2, codes=["FILE_TOO_LARGE"], args=["--config", "limits.toml"])
    # Saved with a password in LibreOffice: the manifest says how each part is encrypted.
    ods = ods_parts()
    assert b'"content.xml" manifest:media-type="text/xml"/>' in ods["META-INF/manifest.xml"]
    ods["META-INF/manifest.xml"] = ods["META-INF/manifest.xml"].replace(
        b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
        b'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
        b'manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
        b'manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>', 1)
    ods["content.xml"] = bytes(range(256)) * 16
    write_ods("ods_encrypted.ods", ods)
    case("ods_encrypted.ods", 2, codes=["FILE_ENCRYPTED"])

    with open(os.path.join(HERE, "limits.toml"), "w") as f:
        f.write("[limits]\ncells = 50000\n")
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(CASES, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
