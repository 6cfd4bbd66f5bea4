// Tasklist 7.24 (form-js 1.8.7) keeps 提交 disabled once a field inside a dynamic list has been
// edited (领导小组集体研究: one entry per case): form-js records the field's cleared error as an
// empty entry ({fieldId: {}}), and Tasklist counts entries, not errors. Tasklist validates the
// whole form again when 提交 is pressed and shows every error then, and the server checks each
// decision in any case; so after each edit in a form with such a list the form counts as valid
// again unless form-js shows an error. Forms without a list are left alone. (tasklist/scripts/config.js lists
// this file in customScripts.)
const LIST = '.fjs-form-field-dynamiclist';

function recheck(event) {
  const target = event.target;
  const form = target instanceof Element ? target.closest('.fjs-form') : null;
  if (!form || !form.querySelector(LIST)) {
    return;
  }
  setTimeout(() => {
    const button = document.querySelector('button[type=submit][ng-click="complete()"]');
    if (form.querySelector('.fjs-form-field-error') || !button || !window.angular) {
      return;
    }
    let scope = window.angular.element(button).scope();
    while (scope && !Object.prototype.hasOwnProperty.call(scope, 'disableCompleteButton')) {
      scope = scope.$parent;
    }
    if (scope && scope.$invalid) {
      scope.$applyAsync(() => { scope.$invalid = false; });
    }
  }, 50);
}

for (const type of ['input', 'change', 'focusout']) {
  document.addEventListener(type, recheck, true);
}

// a custom script may also export plugins: this one has none
export default [];
