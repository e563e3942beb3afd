# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Official Documents and Seals",
    "summary": "Bridge: a seal use request (用印) names the outgoing document it "
    "stamps; a numbered outgoing document requests its sealing and shows its "
    "seal uses",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_docs", "office_seal"],
    "data": [
        "views/office_outgoing_document_views.xml",
        "views/office_seal_use_request_views.xml",
    ],
    "demo": ["demo/office_seal_use_request_demo.xml"],
    "installable": True,
    "auto_install": True,
}
