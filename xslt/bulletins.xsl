<?xml version="1.0" encoding="UTF-8"?>
<!--
  bulletins.xsl: the bulletins published (weekly, half-monthly, year-end)
  and, for a district admin, the forms that publish one for a period.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="bulletin-common.xsl"/>

  <xsl:template match="/page" mode="title">通报</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'bad-period'">请选择通报类别和一个存在的日期。</xsl:when>
        <xsl:when test="@code = 'not-over'">这一期还没有结束，结束后才能发布（年度报告自 12 月 1 日起可发布）。</xsl:when>
        <xsl:when test="@code = 'published'"><l:m>这一期已经发布过了<xsl:if test="@bulletin">：<a href="/admin/bulletins/{@bulletin}">查看</a></xsl:if>。已发布的通报不再改变。</l:m></xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>通报</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/stats">推进目标完成情况</a></p>
      <p class="note">每周通报各单位、行业部门、镇街的注册率和平均积分；每半月通报各镇街、行业部门的推进情况；年底形成消防安全知晓率报告。通报发布时即固定其中的数字，以后的新数据不会改变已发布的通报。</p>
      <xsl:choose>
        <xsl:when test="bulletins/bulletin">
          <table class="records">
            <thead><tr><th scope="col">通报</th><th scope="col">期间</th><th scope="col">发布</th></tr></thead>
            <tbody>
              <xsl:for-each select="bulletins/bulletin">
                <tr>
                  <td><a href="/admin/bulletins/{@id}"><xsl:call-template name="bulletin-title"><xsl:with-param name="b" select="."/></xsl:call-template></a></td>
                  <td><l:m><xsl:value-of select="@from"/> 至 <xsl:value-of select="@to"/></l:m></td>
                  <td><xsl:value-of select="@published"/> · <xsl:value-of select="@by"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有发布过通报。</p></xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="session/admin/@scope = 'district'">
      <section class="card" id="publish">
        <h2>发布通报</h2>
        <xsl:apply-templates select="error"/>
        <form method="post" action="/admin/bulletins" class="form">
          <xsl:call-template name="csrf"/>
          <fieldset class="field">
            <legend class="field-label">类别</legend>
            <label class="check"><input type="radio" name="kind" value="weekly" checked="checked"/><span>每周通报（周一至周日）</span></label>
            <label class="check"><input type="radio" name="kind" value="half-monthly"/><span>半月通报（1–15 日，16 日–月末）</span></label>
            <label class="check"><input type="radio" name="kind" value="year-end"/><span>年度消防安全知晓率报告</span></label>
          </fieldset>
          <label class="field">
            <span class="field-label">这一期中的任意一天</span>
            <input type="date" name="day" required="required"/>
          </label>
          <button type="submit" class="button">生成并发布</button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
