"""Template filters for publications: ``{{ document|document_facts }}`` gives "PDF, 240 KB"."""

from django import template

from ..documents import describe_document

register = template.Library()


@register.filter
def document_facts(document):
    """Describe a Wagtail document's type and size for its download link."""
    return describe_document(document) if document else ""
