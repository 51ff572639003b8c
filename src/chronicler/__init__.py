"""chronicler: political event data from news articles.

>>> import chronicler
>>> record = chronicler.extract("Putin met Assad in Sochi on Tuesday.")
>>> record.to_dict()["actors"][0]["name"]
'Putin'
"""

__version__ = "0.1.0"

__all__ = ["PipelineConfig", "__version__", "build", "extract"]


def __getattr__(name: str):
    if name == "extract":
        from .api import extract

        return extract
    if name in ("build", "PipelineConfig"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'chronicler' has no attribute {name!r}")
