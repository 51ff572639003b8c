"""The pipeline turns Articles into schema-valid Records, in order, the same in 1 or 2 processes."""

from __future__ import annotations

from chronicler.pipeline import PipelineConfig, build
from chronicler.schema import validate_record
from chronicler.types import Article

TEXTS = [
    ("Russian President Vladimir Putin met Syrian President Bashar al-Assad in Sochi on "
    "Thursday. Putin said the talks were useful."),
    "German Chancellor Angela Merkel and French President Emmanuel Macron spoke in Paris.",
    "Protesters gathered outside the parliament in Kiev on Sunday, police said.",
]


def test_record_is_schema_valid_and_spans_point_into_text(pipeline):
    record = pipeline.process(Article(id="t1", text=TEXTS[0], published="2018-05-17"))
    data = record.to_dict()
    validate_record(data)
    assert data["article"]["text"] == TEXTS[0]
    assert {p["name"] for p in data["places"]} >= {"Sochi"}


def test_person_surname_joins_full_name(pipeline):
    record = pipeline.process(Article(id="t1", text=TEXTS[0]))
    putin = [a for a in record.actors if a.name == "Vladimir Putin"]
    assert putin and [m.text for m in putin[0].mentions] == ["Vladimir Putin", "Putin"]


def test_non_english_article_gets_empty_parts_and_a_warning(pipeline):
    record = pipeline.process(Article(id="fr", text="Le président a parlé.", language="fr"))
    assert record.actors == () and record.warnings and "W101" in record.warnings[0]


def test_order_and_results_do_not_depend_on_process_count(pipeline):
    articles = [Article(id=f"a{i}", text=TEXTS[i % 3], language="fr" if i == 5 else "en")
                for i in range(15)]
    one = [r.to_dict() for r in pipeline.run(articles)]
    two = [r.to_dict() for r in build(PipelineConfig(n_process=2)).run(articles)]
    assert [r["article"]["id"] for r in one] == [a.id for a in articles]
    assert one == two
