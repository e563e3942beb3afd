# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Office Suite: Peers' Tests After the Suite",
    "summary": "Test-only: runs Odoo's fleet and hr tests after the office suite "
    "is loaded (used by tests/test_peer_suites.py, never installed in production)",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "depends": [
        "office_archive_docs",
        "office_archive_seal",
        "office_docs_seal",
        "office_fleet",
        "office_risk",
        "office_secrecy",
    ],
    "data": ["data/res_company_data.xml"],
    "installable": True,
}
