package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

  final ObjectMapper json = new ObjectMapper();

  FormFields form(String schema) throws Exception {
    return FormFields.of(json.readTree(schema));
  }

  @Test
  void theFirstVisitFormLetsTheWorkerAnswerAndOnlyShowsTheCase() throws Exception {
    FormFields form = FormFields.of(json.readTree(Files.readString(Path.of("processes", "firstVisit.form"))));

    assertThat(form.all().keySet()).containsExactlyInAnyOrder("caseNo", "householdHead", "idNumberMasked",
        "townshipName", "village", "category", "visitConfirmsHardship", "especiallyDifficult",
        "householdSize", "visitFindings", "selfPaidTwoYears", "threshold", "eligible", "bankAccount", "bankName");
    // whether the household reaches its threshold is shown on every form, never changed there
    for (String shown : new String[] {"selfPaidTwoYears", "threshold", "eligible"}) {
      assertThat(form.field(shown)).hasValueSatisfying(field -> assertThat(field.editable()).isFalse());
    }
    assertThat(form.field("visitFindings")).hasValueSatisfying(field -> assertThat(field.editable()).isTrue());
    // the family's account for the money (SPEC §8) is asked here
    assertThat(form.field("bankAccount")).hasValueSatisfying(field -> assertThat(field.editable()).isTrue());
    assertThat(form.field("caseNo")).hasValueSatisfying(field -> {
      assertThat(field.editable()).isFalse();
      assertThat(field.label()).isEqualTo("案件编号");
    });
    assertThat(form.field("township")).isEmpty();
    assertThat(form.field("approvedAmount")).isEmpty();
  }

  @Test
  void fieldsInsideGroupsAndListsCountAndAPathIsOneVariable() throws Exception {
    FormFields form = form("""
        {"components": [
          {"type": "group", "components": [
            {"type": "textfield", "key": "nested", "label": "嵌套"},
            {"type": "group", "path": "household", "components": [
              {"type": "number", "key": "size", "readonly": true},
              {"type": "textfield", "key": "head"}]}]},
          {"type": "dynamiclist", "path": "members", "readonly": true, "components": [
            {"type": "textfield", "key": "name"}]},
          {"type": "textfield", "key": "address.street"},
          {"type": "number", "key": "shown", "disabled": true},
          {"type": "checkbox", "key": "maybe", "readonly": "=someCondition"},
          {"type": "button", "key": "submit", "action": "submit"},
          {"type": "text", "text": "说明"}]}""");

    assertThat(form.all().keySet()).containsExactlyInAnyOrder("nested", "household", "members", "address",
        "shown", "maybe");
    assertThat(form.field("nested").orElseThrow().label()).isEqualTo("嵌套");
    assertThat(form.field("household").orElseThrow().editable()).as("one of its fields is editable").isTrue();
    assertThat(form.field("members").orElseThrow().editable()).as("the list is read-only").isFalse();
    assertThat(form.field("shown").orElseThrow().editable()).isFalse();
    assertThat(form.field("maybe").orElseThrow().editable()).as("an expression may allow editing").isTrue();
  }

  @Test
  void aReadOnlyValueSentBackAsTasklistSendsItIsUnchanged() throws Exception {
    assertThat(SubmittedJson.unchanged(json.readTree("132667"), 132_667.0)).isTrue();
    assertThat(SubmittedJson.unchanged(json.readTree("132667.5"), 132_667.0)).isFalse();
    assertThat(SubmittedJson.unchanged(json.readTree("\"true\""), true)).isTrue();
    assertThat(SubmittedJson.unchanged(json.readTree("true"), false)).isFalse();
    assertThat(SubmittedJson.unchanged(json.readTree("\"YSYY-2026-00001\""), "YSYY-2026-00001")).isTrue();
    assertThat(SubmittedJson.unchanged(json.readTree("\"YSYY-2026-00002\""), "YSYY-2026-00001")).isFalse();
    assertThat(SubmittedJson.unchanged(json.readTree("null"), "YSYY-2026-00001")).isFalse();
    // a field whose variable does not exist comes back empty
    assertThat(SubmittedJson.unchanged(json.readTree("\"\""), null)).isTrue();
    assertThat(SubmittedJson.unchanged(json.readTree("false"), null)).isTrue();
    assertThat(SubmittedJson.unchanged(json.readTree("5000"), null)).isFalse();
  }
}
