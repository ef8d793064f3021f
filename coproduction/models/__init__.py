"""Co-production models: assemblies (pages) and the co-production charter with its signatures."""

from .assemblies import AssemblyIndexPage, AssemblyPage, AssemblySession
from .charter import CharterPage, CharterPrinciple, CharterSignature

__all__ = [
    "AssemblyIndexPage",
    "AssemblyPage",
    "AssemblySession",
    "CharterPage",
    "CharterPrinciple",
    "CharterSignature",
]
