"""chronicler: political event data from news articles.

>>> import chronicler
>>> record = chronicler.extract("Putin met Assad in Sochi on Tuesday.", published="2018-05-20")
>>> record.actors[0].name, record.actors[0].country
('Vladimir Putin', 'RUS')
>>> [(e.type, e.date, e.location.name) for e in record.events]
[('CONSULT', '2018-05-15', 'Sochi')]
"""

__version__ = "0.1.0"

__all__ = ["PipelineConfig", "__version__", "build", "extract"]


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str):
    if name == "extract":
        from .api import extract

        return extract
    if name in ("build", "PipelineConfig"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'chronicler' has no attribute {name!r}")
