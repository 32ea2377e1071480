"""Stage 5, site: analysis results and audit findings -> pages and open data files.

Reads only the analysis results and the audit; MkDocs is not needed (the
pages are `{uri: Markdown or bytes}` for any Markdown site engine).
"""

from .pages import Pages, Publication, Site, SitePart

__all__ = ["Pages", "Publication", "Site", "SitePart"]
