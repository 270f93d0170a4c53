"""coursebook: course YAML rendered into a Danish handbook site, PDFs and forms."""
