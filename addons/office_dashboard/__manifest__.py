# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Office Dashboards",
    "summary": "Dashboards of the office director, the internal-control office and "
    "the leaders in Odoo's Dashboards app: documents by state and lateness, seal "
    "uses by category, archive loans, car use and costs, the risk heat map",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": [
        "spreadsheet_dashboard",
        "office_docs",
        "office_seal",
        "office_archive",
        "office_fleet",
        "office_risk",
    ],
    "data": [
        "data/dashboards.xml",
    ],
    "installable": True,
}
