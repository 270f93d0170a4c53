"""What only `mkdocs serve` does: content errors shown in the browser
(errors.py), and the PDFs made in a background process (pdfs.py). State kept
here outlives one rebuild."""
