"""Swedish primitives shared by the stages, with no knowledge of any one stage.

OCR-tolerant, length-preserving folding and fuzzy keys (`fuzzy`), money amounts in running
text and table cells (`amounts`), years, months and number words (`numbers`), and a Swedish
word list indexed by folded spelling for restoring letters lost to OCR (`lexicon`).
"""
