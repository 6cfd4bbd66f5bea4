/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Our settings (Chinese by default, English on request, Chinese dates, the language switch) come
// from ../../jiuji/locale.js; everything else is as Camunda ships it.
import { locales, dateFormat, text } from '../../jiuji/locale.js';

export default {
  app: {
    name: text('任务办理', 'Tasklist'),
    vendor: text('救急难', 'Jiuji')
  },
  //
  locales,
  dateFormat,
  customScripts: ['../jiuji/language-switch', '../jiuji/tasklist-casefile', '../jiuji/list-form-validity'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: text('认领当前选中的任务', 'claims the currently selected task')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: text('跳到左侧第一个任务筛选', 'set the focus to the first filter in the list')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: text('跳到列表中的第一项任务', 'sets the focus to the first task in the list')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: text('跳到任务表单的第一个填写项', 'sets the focus to the first input field in a task form')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: text('打开“发起流程”对话框', 'opens the start process modal dialog')
    }
  }
};
