<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-awareness.xsl: the awareness rate (知晓率, questions answered
  right of those served) over the days chosen: in total, by street and
  town, by role, by question category (weakest first: what to teach
  next) and by department; with a bar drawn for each rate.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>

  <xsl:template match="/page" mode="title">消防安全知晓率</xsl:template>

  <xsl:template name="rows">
    <xsl:param name="rows"/>
    <xsl:param name="what"/>
    <table class="records">
      <thead><tr><th scope="col"><xsl:value-of select="$what"/></th><th scope="col" class="n">答题数</th><th scope="col" class="n">答对</th><th scope="col" class="n">知晓率</th><th scope="col"><span class="visually-hidden">图示</span></th></tr></thead>
      <tbody>
        <xsl:for-each select="$rows">
          <tr>
            <th scope="row">
              <xsl:choose>
                <xsl:when test="self::category"><xsl:call-template name="category-name"><xsl:with-param name="c" select="@code"/></xsl:call-template></xsl:when>
                <xsl:when test="self::department and not(@name)">未加入单位</xsl:when>
                <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
              </xsl:choose>
            </th>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@questions"/><xsl:with-param name="none" select="'0'"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@correct"/><xsl:with-param name="none" select="'0'"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@rate"/></xsl:call-template></td>
            <td>
              <xsl:if test="@rate">
                <svg width="100" height="10" viewBox="0 0 100 10" aria-hidden="true"><rect x="0" y="0" height="10" width="100" fill="#e8f0fb"/><rect x="0" y="0" height="10" width="{@rate}" fill="#0b4fa8"/></svg>
              </xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="a" select="awareness"/>
    <section class="card">
      <h1>消防安全知晓率</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/stats">推进目标完成情况</a> · <a href="/admin/stats/questions?from={awareness/@from}&amp;to={awareness/@to}">答错最多的题目</a></p>
      <form method="get" action="/admin/stats/awareness" class="inline-form filters">
        <label>从 <input type="month" name="from" value="{$a/@from}"/></label>
        <label>到 <input type="month" name="to" value="{$a/@to}"/></label>
        <button type="submit" class="button secondary">查看</button>
      </form>
      <p class="note"><l:m>知晓率 = 答对的题数 ÷ 作答的题数，统计 <xsl:value-of select="$a/@from"/> 至 <xsl:value-of select="$a/@to"/> 各月完成的答题，只计浏览器定位的答题<xsl:if test="$a/@manual-attempts &gt; 0">（另有 <xsl:value-of select="$a/@manual-attempts"/> 次手动选择镇街的答题未计入）</xsl:if>。</l:m></p>
      <xsl:if test="$a/@department"><p class="note">本页为你所在行业部门各单位成员的答题。</p></xsl:if>
      <p class="stat-total">
        <l:m><xsl:text>合计：</xsl:text>
        <strong><xsl:call-template name="pct"><xsl:with-param name="v" select="$a/total/@rate"/></xsl:call-template></strong>
        <xsl:text>（</xsl:text>
        <xsl:call-template name="num"><xsl:with-param name="n" select="$a/total/@correct"/></xsl:call-template>
        <xsl:text> / </xsl:text>
        <xsl:call-template name="num"><xsl:with-param name="n" select="$a/total/@questions"/></xsl:call-template>
        <xsl:text> 题）</xsl:text></l:m>
      </p>
    </section>
    <xsl:if test="not($a/@department)">
      <section class="card" id="by-region">
        <h2>各镇街</h2>
        <div class="scroll" tabindex="0"><xsl:call-template name="rows"><xsl:with-param name="rows" select="$a/region"/><xsl:with-param name="what" select="'镇街'"/></xsl:call-template></div>
      </section>
    </xsl:if>
    <section class="card" id="by-category">
      <h2>各知识类别（由低到高：下一步宣传的重点）</h2>
      <div class="scroll" tabindex="0"><xsl:call-template name="rows"><xsl:with-param name="rows" select="$a/category"/><xsl:with-param name="what" select="'类别'"/></xsl:call-template></div>
    </section>
    <xsl:if test="not($a/@department)">
      <section class="card" id="by-role">
        <h2>各类人员</h2>
        <div class="scroll" tabindex="0"><xsl:call-template name="rows"><xsl:with-param name="rows" select="$a/role"/><xsl:with-param name="what" select="'人员类别'"/></xsl:call-template></div>
      </section>
    </xsl:if>
    <xsl:if test="$a/@only = 0">
      <section class="card" id="by-department">
        <h2>各行业部门</h2>
        <div class="scroll" tabindex="0"><xsl:call-template name="rows"><xsl:with-param name="rows" select="$a/department"/><xsl:with-param name="what" select="'行业部门'"/></xsl:call-template></div>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
