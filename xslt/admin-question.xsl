<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-question.xsl: one question: editable when it belongs to the draft,
  read-only otherwise, its English with it (all of it or none); with
  people's reports about it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="/page" mode="title">题目</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="q" select="question"/>
    <xsl:variable name="editable" select="not($q/@id) or $q/@bank-status = 'draft'"/>
    <section class="card">
      <h1>
        <xsl:choose>
          <xsl:when test="$q/@id"><l:m>题目 <xsl:value-of select="$q/@ref"/></l:m></xsl:when>
          <xsl:otherwise>新增题目</xsl:otherwise>
        </xsl:choose>
      </h1>
      <p><a href="/admin/questions">返回题库管理</a>
        <xsl:if test="$q/@version"><xsl:text> · </xsl:text><l:m>第 <xsl:value-of select="$q/@version"/> 版（<xsl:apply-templates select="$q/@bank-status"/>）</l:m></xsl:if>
        <xsl:if test="$q/@id and $q/@bank-status != 'draft'"> · <a href="/admin/stats/questions/{$q/@id}">作答统计</a></xsl:if></p>
      <xsl:if test="$q/@error">
        <p class="form-error" role="alert">
          <xsl:choose>
            <xsl:when test="$q/@error = 'rules'">选项设置不符合题型要求：单选题须有 3 至 6 个选项且恰好一个正确；多选题至少两个正确选项、至少一个错误选项；判断题只有“正确”“错误”两个选项且一个正确。</xsl:when>
            <xsl:when test="$q/@error = 'rules-en'">英文须全部填写或全部留空：题干、解析和与中文相同的每个选项，中文有依据时也要有英文依据（中文无依据则不填）；判断题的英文选项为“True”“False”。</xsl:when>
            <xsl:when test="$q/@error = 'too-long'">题干、选项、解析和依据每项不超过 600 字。</xsl:when>
            <xsl:otherwise>请填写题型、分类、适用角色、题干、选项和解析。</xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:if>
      <xsl:if test="not($editable)">
        <p class="note">已发布的版本不能直接修改，请先在题库管理中新建草稿版本。</p>
      </xsl:if>
      <form method="post" class="form">
        <xsl:attribute name="action">
          <xsl:text>/admin/questions/</xsl:text>
          <xsl:choose><xsl:when test="$q/@id"><xsl:value-of select="$q/@id"/></xsl:when><xsl:otherwise>new</xsl:otherwise></xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="csrf"/>
        <fieldset class="plain">
          <xsl:if test="not($editable)"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
          <label class="field"><span class="field-label">题型</span>
            <select name="type">
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'single'"/><xsl:with-param name="l" select="'单选题'"/><xsl:with-param name="cur" select="$q/@type"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'multi'"/><xsl:with-param name="l" select="'多选题'"/><xsl:with-param name="cur" select="$q/@type"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'truefalse'"/><xsl:with-param name="l" select="'判断题'"/><xsl:with-param name="cur" select="$q/@type"/></xsl:call-template>
            </select>
          </label>
          <label class="field"><span class="field-label">分类</span>
            <select name="category">
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'law'"/><xsl:with-param name="l" select="'消防法律法规与责任'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'duty'"/><xsl:with-param name="l" select="'消防安全职责与制度'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'inspect'"/><xsl:with-param name="l" select="'防火检查巡查'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'drill'"/><xsl:with-param name="l" select="'预案、演练与培训'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'facility'"/><xsl:with-param name="l" select="'消防设施器材'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'extinguisher'"/><xsl:with-param name="l" select="'灭火器'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'hydrant'"/><xsl:with-param name="l" select="'消火栓'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'evacuation'"/><xsl:with-param name="l" select="'疏散逃生'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'alarm'"/><xsl:with-param name="l" select="'报警与初起火灾'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'electric'"/><xsl:with-param name="l" select="'用电安全'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'ebike'"/><xsl:with-param name="l" select="'电动自行车'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'gas'"/><xsl:with-param name="l" select="'燃气与用火'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'highrise'"/><xsl:with-param name="l" select="'高层建筑'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'rental'"/><xsl:with-param name="l" select="'出租房屋'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'school'"/><xsl:with-param name="l" select="'校园'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'workplace'"/><xsl:with-param name="l" select="'生产经营场所'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'crowd'"/><xsl:with-param name="l" select="'人员密集场所'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
              <xsl:call-template name="opt"><xsl:with-param name="v" select="'firstaid'"/><xsl:with-param name="l" select="'烧烫伤急救'"/><xsl:with-param name="cur" select="$q/@category"/></xsl:call-template>
            </select>
          </label>
          <div class="field"><span class="field-label">适用角色</span>
            <xsl:call-template name="role"><xsl:with-param name="v" select="'responsible'"/><xsl:with-param name="l" select="'消防安全责任人（管理人）'"/></xsl:call-template>
            <xsl:call-template name="role"><xsl:with-param name="v" select="'employee'"/><xsl:with-param name="l" select="'企业员工'"/></xsl:call-template>
            <xsl:call-template name="role"><xsl:with-param name="v" select="'landlord'"/><xsl:with-param name="l" select="'出租屋房东'"/></xsl:call-template>
            <xsl:call-template name="role"><xsl:with-param name="v" select="'student'"/><xsl:with-param name="l" select="'学生'"/></xsl:call-template>
            <xsl:call-template name="role"><xsl:with-param name="v" select="'citizen'"/><xsl:with-param name="l" select="'普通市民'"/></xsl:call-template>
          </div>
          <label class="field"><span class="field-label">题干</span>
            <textarea name="stem" rows="3" maxlength="600" required="required"><xsl:value-of select="$q/stem"/></textarea></label>
          <div class="field"><span class="field-label">选项（勾选正确答案；判断题填“正确”“错误”两项）</span>
            <xsl:call-template name="option"><xsl:with-param name="i" select="0"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="i" select="1"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="i" select="2"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="i" select="3"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="i" select="4"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="i" select="5"/></xsl:call-template>
          </div>
          <label class="field"><span class="field-label">解析</span>
            <textarea name="explanation" rows="3" maxlength="600" required="required"><xsl:value-of select="$q/explanation"/></textarea></label>
          <label class="field"><span class="field-label">依据（法规、标准条文，选填）</span>
            <input name="source" type="text" maxlength="600" value="{$q/source}"/></label>
          <fieldset class="plain question-en">
            <legend>英文（选填；填写时须填全，选项与中文一一对应）</legend>
            <label class="field"><span class="field-label">英文题干</span>
              <textarea name="stem_en" rows="3" maxlength="600" lang="en"><xsl:value-of select="$q/en/stem"/></textarea></label>
            <div class="field"><span class="field-label">英文选项（判断题填“True”“False”两项）</span>
              <xsl:call-template name="option-en"><xsl:with-param name="i" select="0"/></xsl:call-template>
              <xsl:call-template name="option-en"><xsl:with-param name="i" select="1"/></xsl:call-template>
              <xsl:call-template name="option-en"><xsl:with-param name="i" select="2"/></xsl:call-template>
              <xsl:call-template name="option-en"><xsl:with-param name="i" select="3"/></xsl:call-template>
              <xsl:call-template name="option-en"><xsl:with-param name="i" select="4"/></xsl:call-template>
              <xsl:call-template name="option-en"><xsl:with-param name="i" select="5"/></xsl:call-template>
            </div>
            <label class="field"><span class="field-label">英文解析</span>
              <textarea name="explanation_en" rows="3" maxlength="600" lang="en"><xsl:value-of select="$q/en/explanation"/></textarea></label>
            <label class="field"><span class="field-label">英文依据（中文有依据时必填）</span>
              <input name="source_en" type="text" maxlength="600" lang="en" value="{$q/en/source}"/></label>
          </fieldset>
          <button type="submit" class="button">保存</button>
        </fieldset>
      </form>
      <xsl:if test="$editable and $q/@id and $q/@retired = '0'">
        <form method="post" action="/admin/questions/{$q/@id}/retire" class="form">
          <xsl:call-template name="csrf"/>
          <button type="submit" class="button secondary">停用此题</button>
        </form>
      </xsl:if>
    </section>
    <xsl:if test="$q/report">
      <section class="card">
        <h2>答题者反馈</h2>
        <ul>
          <xsl:for-each select="$q/report">
            <li><xsl:value-of select="."/> <span class="note"><l:m>（<xsl:value-of select="@at"/>）</l:m></span></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="opt">
    <xsl:param name="v"/><xsl:param name="l"/><xsl:param name="cur"/>
    <option value="{$v}"><xsl:if test="$v = $cur"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="$l"/></option>
  </xsl:template>

  <xsl:template name="role">
    <xsl:param name="v"/><xsl:param name="l"/>
    <label class="check"><input type="checkbox" name="roles" value="{$v}">
      <xsl:if test="contains(/page/question/@roles, $v)"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
    </input><xsl:value-of select="$l"/></label>
  </xsl:template>

  <xsl:template name="option">
    <xsl:param name="i"/>
    <xsl:variable name="o" select="/page/question/option[$i + 1]"/>
    <div class="opt-edit">
      <label class="check"><input type="checkbox" name="o" value="{$i}">
        <xsl:if test="$o/@correct"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
      </input><xsl:value-of select="substring('ABCDEF', $i + 1, 1)"/></label>
      <input type="text" name="opt{$i}" maxlength="600" value="{$o}" aria-label="选项 {substring('ABCDEF', $i + 1, 1)}"/>
    </div>
  </xsl:template>

  <!-- English option i, beside the Chinese option of the same key. -->
  <xsl:template name="option-en">
    <xsl:param name="i"/>
    <xsl:variable name="o" select="/page/question/en/option[$i + 1]"/>
    <div class="opt-edit">
      <span class="opt-key"><xsl:value-of select="substring('ABCDEF', $i + 1, 1)"/></span>
      <input type="text" name="opt{$i}_en" maxlength="600" lang="en" value="{$o}" aria-label="英文选项 {substring('ABCDEF', $i + 1, 1)}"/>
    </div>
  </xsl:template>
</xsl:stylesheet>
