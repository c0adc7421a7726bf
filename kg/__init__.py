"""diplomacy-kg: a knowledge graph of diplomatic actors, their demands and their meetings."""

__version__ = "0.1.0"
