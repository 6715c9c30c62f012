// Shows only the binding field the chosen role needs (unit for UnitStaff, USCC for Enterprise).
// Without JavaScript every field stays visible and the server still validates.
(function () {
    const select = document.querySelector('[data-role-select]');
    if (!select) {
        return;
    }
    const update = () => {
        document.querySelectorAll('[data-binding]').forEach(el => {
            el.hidden = el.getAttribute('data-binding') !== select.value;
        });
    };
    select.addEventListener('change', update);
    update();
})();
