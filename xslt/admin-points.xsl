<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-points.xsl: the rules of learning points, one form each: the
  points an earning gives and a person's most a day.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">学习积分规则</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>学习积分规则</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">修改只影响此后获得的积分，已记入的积分不变。同一课时、同一道练习题每天只计一次。</p>
      <xsl:for-each select="rules/rule">
        <form method="post" action="/admin/points/{@reason}" class="form rule" id="rule-{@reason}">
          <xsl:call-template name="csrf"/>
          <h2><xsl:value-of select="@name"/></h2>
          <xsl:if test="@error">
            <p class="form-error" role="alert">
              <xsl:choose>
                <xsl:when test="@error = 'cap-below'">每日上限不能小于每次的积分。</xsl:when>
                <xsl:otherwise><l:m>积分和每日上限应为 1–<xsl:value-of select="../@max"/> 之间的整数。</l:m></xsl:otherwise>

              </xsl:choose>
            </p>
          </xsl:if>
          <label class="field">
            <span class="field-label">每次积分</span>
            <input name="points" type="number" min="1" max="{../@max}" value="{@points}" required="required"/>
          </label>
          <label class="field">
            <span class="field-label">每人每日上限</span>
            <input name="cap" type="number" min="1" max="{../@max}" value="{@cap}" required="required"/>
          </label>
          <button type="submit" class="button secondary">保存</button>
        </form>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
