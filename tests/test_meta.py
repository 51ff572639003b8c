import pytest

from chronicler.ingest.meta import content_id, detect_language, normalise_date


@pytest.mark.parametrize(("raw", "expected"), [
    ("2016-09-12", "2016-09-12"),
    ("2009-03-20 12:24:52.002364-05", "2009-03-20"),
    ("9:55 AM ET, Sun January 4, 2015", "2015-01-04"),
    ("20080804", "2008-08-04"),
    ("May 6, 2018", "2018-05-06"),
    ("6 May 2018", "2018-05-06"),
    ("last Tuesday", None),
    ("", None),
    (None, None),
    ("2018-02-30", None),
])
def test_normalise_date(raw, expected):
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(("text", "lang"), [
    (("The foreign minister said on Tuesday that the talks in Geneva had made progress "
     "and that a new round would be held next month."), "en"),
    (("Le ministre des Affaires étrangères a déclaré mardi que les négociations de Genève "
     "avaient progressé et qu'une nouvelle session aurait lieu le mois prochain."), "fr"),
    (("Der Außenminister sagte am Dienstag, die Gespräche in Genf hätten Fortschritte gemacht "
     "und eine neue Runde werde im nächsten Monat stattfinden."), "de"),
    ("Putin met Assad in Sochi.", "en"),  # too short to judge: English
    (("Министр иностранных дел заявил во вторник, что переговоры в Женеве продвинулись и что "
     "новый раунд состоится в следующем месяце."), "ru"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_content_id_is_stable():
    assert content_id("abc") == content_id("abc") != content_id("abd")


@pytest.mark.parametrize(("text", "langs"), [
    ("俄罗斯总统普京周一在索契会见了叙利亚总统阿萨德。", {"zh", "wuu", "yue"}),
    ("ロシアのプーチン大統領は月曜日にソチでシリアのアサド大統領と会談した。", {"ja"}),
    ("التقى الرئيس الروسي بنظيره السوري في سوتشي يوم الاثنين.", {"ar"}),
])
def test_non_latin_scripts_are_never_english(text, langs):
    assert detect_language(text) in langs
