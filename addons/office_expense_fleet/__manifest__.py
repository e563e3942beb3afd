# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Official Spending and Vehicles",
    "summary": "Bridge: the days of a business trip on an official car, from the trip "
    "ledger, remove the local transport allowance",
    "version": "18.0.1.0.0",
    "category": "Office Administration",
    "license": "LGPL-3",
    "author": "Office Suite Authors",
    "website": "https://example.invalid/office-suite",
    "depends": ["office_expense", "office_fleet"],
    "data": ["views/office_expense_travel_views.xml"],
    "installable": True,
    "auto_install": True,
}
