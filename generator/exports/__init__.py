"""The downloads: corpus.json and the concordance, per-article JSON and CSL-JSON, Akoma Ntoso, Word tables, the search index."""
