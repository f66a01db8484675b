<?xml version="1.0" encoding="UTF-8"?>
<!--
  bulletin.xsl: a published bulletin, from the figures kept when it was
  published, laid out to print on A4: the weekly one (growth, then
  departments, key units and towns by registration rate and average
  points), the half-monthly one (streets and towns against their targets,
  departments' coverage) or the year-end awareness-rate report.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>
  <xsl:import href="bulletin-common.xsl"/>

  <xsl:template match="/page" mode="title"><xsl:call-template name="bulletin-title"><xsl:with-param name="b" select="bulletin"/></xsl:call-template></xsl:template>

  <xsl:template name="growth">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''">—</xsl:when>
      <xsl:when test="$v &gt;= 0"><l:m>增长 <xsl:value-of select="$v"/>%</l:m></xsl:when>
      <xsl:otherwise><l:m>下降 <xsl:value-of select="substring($v, 2)"/>%</l:m></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ranked">
    <xsl:param name="rows"/>
    <xsl:param name="what"/>
    <xsl:param name="coverage" select="false()"/>
    <table class="records bulletin-table">
      <thead>
        <tr>
          <th scope="col" class="n">名次</th><th scope="col"><xsl:value-of select="$what"/></th>
          <th scope="col" class="n">人员数</th><th scope="col" class="n">注册数</th>
          <xsl:choose>
            <xsl:when test="$coverage"><th scope="col" class="n">持有效蓝码</th><th scope="col" class="n">覆盖率</th></xsl:when>
            <xsl:otherwise><th scope="col" class="n">注册率</th><th scope="col" class="n">总分数</th><th scope="col" class="n">平均分</th></xsl:otherwise>
          </xsl:choose>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="$rows">
          <tr>
            <td class="n"><xsl:value-of select="@rank"/></td>
            <th scope="row"><xsl:value-of select="@name"/></th>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@headcount"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@registered"/></xsl:call-template></td>
            <xsl:choose>
              <xsl:when test="$coverage">
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@valid"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@coverage"/></xsl:call-template></td>
              </xsl:when>
              <xsl:otherwise>
                <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@rate"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@points"/></xsl:call-template></td>
                <td class="n"><xsl:choose><xsl:when test="@average"><xsl:value-of select="@average"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></td>
              </xsl:otherwise>
            </xsl:choose>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!--
    A bar chart (SVG, for print as for screen) of percentages: one bar a
    row, its name on the left, the value at its end; scaled to 100%, or
    to the largest value when one is over 100%.
  -->
  <xsl:template name="bars">
    <xsl:param name="rows"/>
    <xsl:param name="label"/>
    <xsl:param name="caption"/>
    <xsl:variable name="top">
      <xsl:for-each select="$rows/@*[name() = $label]">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="number($top) &gt; 100"><xsl:value-of select="$top"/></xsl:when>
        <xsl:otherwise>100</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <figure class="bulletin-chart">
      <svg viewBox="0 0 640 {count($rows) * 18 + 4}" role="img" aria-label="{$caption}（数字见下表）">
        <xsl:for-each select="$rows">
          <xsl:variable name="v" select="number(@*[name() = $label])"/>
          <xsl:variable name="y" select="(position() - 1) * 18 + 2"/>
          <text x="150" y="{$y + 12}" text-anchor="end" font-size="11"><xsl:value-of select="@name"/></text>
          <rect x="156" y="{$y + 2}" height="12" fill="#e8f0fb" width="400"/>
          <xsl:if test="$v = $v">
            <rect x="156" y="{$y + 2}" height="12" fill="#0b4fa8" width="{$v * 400 div $scale}"/>
            <text x="{160 + $v * 400 div $scale}" y="{$y + 12}" font-size="11"><xsl:value-of select="$v"/>%</text>
          </xsl:if>
        </xsl:for-each>
      </svg>
      <figcaption class="note"><xsl:value-of select="$caption"/></figcaption>
    </figure>
  </xsl:template>

  <xsl:template name="rates">
    <xsl:param name="rows"/>
    <xsl:param name="what"/>
    <table class="records bulletin-table">
      <thead><tr><th scope="col"><xsl:value-of select="$what"/></th><th scope="col" class="n">答题数</th><th scope="col" class="n">答对</th><th scope="col" class="n">知晓率</th></tr></thead>
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
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="b" select="bulletin"/>
    <xsl:variable name="f" select="figures"/>
    <article class="card bulletin">
      <p class="no-print"><a href="/admin/bulletins">返回通报列表</a> · <a href="/admin/bulletins/{$b/@id}/bulletin.csv">下载表格（CSV）</a> · 用浏览器的“打印”可打印为 A4</p>
      <p class="bulletin-issuer"><l:m><xsl:value-of select="$f/@jurisdiction"/>消防安全委员会办公室</l:m></p>
      <h1><xsl:call-template name="bulletin-title"><xsl:with-param name="b" select="$b"/></xsl:call-template></h1>
      <p class="note"><l:m>统计期间：<xsl:value-of select="$b/@from"/> 至 <xsl:value-of select="$b/@to"/> · 发布：<xsl:value-of select="$b/@published"/>（<xsl:value-of select="$b/@by"/>）。本通报的数字在发布时固定。</l:m></p>

      <xsl:if test="$f/@kind = 'weekly'">
        <xsl:variable name="g" select="$f/growth"/>
        <h2>总体情况</h2>
        <p><l:m>截至 <xsl:value-of select="$b/@to"/>，注册用户 <strong><xsl:call-template name="num"><xsl:with-param name="n" select="$g/@registered"/></xsl:call-template></strong> 人，较上周<xsl:call-template name="growth"><xsl:with-param name="v" select="$g/@registered-growth"/></xsl:call-template>；学习总积分 <strong><xsl:call-template name="num"><xsl:with-param name="n" select="$g/@points"/></xsl:call-template></strong>，较上周<xsl:call-template name="growth"><xsl:with-param name="v" select="$g/@points-growth"/></xsl:call-template>；人均积分 <strong><xsl:value-of select="$g/@per-person"/></strong>，较上周<xsl:call-template name="growth"><xsl:with-param name="v" select="$g/@per-person-growth"/></xsl:call-template>。</l:m></p>
        <h2>行业部门注册率与平均积分</h2>
        <xsl:call-template name="bars"><xsl:with-param name="rows" select="$f/ranking/department[@rate]"/><xsl:with-param name="label" select="'rate'"/><xsl:with-param name="caption" select="'各行业部门注册率'"/></xsl:call-template>
        <xsl:call-template name="ranked"><xsl:with-param name="rows" select="$f/ranking/department"/><xsl:with-param name="what" select="'行业部门'"/></xsl:call-template>
        <h2>重点单位注册率与平均积分</h2>
        <xsl:choose>
          <xsl:when test="$f/ranking/unit"><xsl:call-template name="ranked"><xsl:with-param name="rows" select="$f/ranking/unit"/><xsl:with-param name="what" select="'单位'"/></xsl:call-template></xsl:when>
          <xsl:otherwise><p class="note">还没有认定的重点单位。</p></xsl:otherwise>
        </xsl:choose>
        <h2>各镇街注册与积分</h2>
        <table class="records bulletin-table">
          <thead><tr><th scope="col">镇街</th><th scope="col" class="n">常住人口</th><th scope="col" class="n">注册数</th><th scope="col" class="n">注册率</th><th scope="col" class="n">总积分</th><th scope="col" class="n">平均分</th></tr></thead>
          <tbody>
            <xsl:for-each select="$f/towns/town">
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@population"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@registered"/></xsl:call-template></td>
                <td class="n"><xsl:choose><xsl:when test="@rate"><xsl:value-of select="@rate"/>%</xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@points"/></xsl:call-template></td>
                <td class="n"><xsl:choose><xsl:when test="@average"><xsl:value-of select="@average"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>

      <xsl:if test="$f/@kind = 'half-monthly'">
        <xsl:variable name="s" select="$f/stats"/>
        <h2>各镇街推进情况</h2>
        <xsl:call-template name="bars"><xsl:with-param name="rows" select="$s/region[@completion]"/><xsl:with-param name="label" select="'completion'"/><xsl:with-param name="caption" select="'各镇街本月目标完成率'"/></xsl:call-template>
        <p><l:m>截至 <xsl:value-of select="$b/@to"/>，全区本月计入 <strong><xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@counted"/></xsl:call-template></strong> 人，月目标 <xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@target"/></xsl:call-template> 人，完成 <xsl:call-template name="pct"><xsl:with-param name="v" select="$s/total/@completion"/></xsl:call-template>（本月已过 <xsl:value-of select="$s/@gone"/> / <xsl:value-of select="$s/@days"/> 天）。手动定位的答题不计入。</l:m></p>
        <table class="records bulletin-table">
          <thead><tr><th scope="col">镇街</th><th scope="col" class="n">月目标</th><th scope="col" class="n">计入</th><th scope="col" class="n">手动定位（不计入）</th><th scope="col" class="n">完成率</th><th scope="col">状态</th></tr></thead>
          <tbody>
            <xsl:for-each select="$s/region">
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@target"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@counted"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@manual"/><xsl:with-param name="none" select="'0'"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@completion"/></xsl:call-template></td>
                <td class="state-{@state}"><xsl:call-template name="state-name"><xsl:with-param name="s" select="@state"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <h2>各行业部门蓝码覆盖情况</h2>
        <p class="note">覆盖率 = 所属单位成员中持有效蓝码的人数 ÷ 单位申报的人员数。</p>
        <xsl:call-template name="ranked"><xsl:with-param name="rows" select="$f/ranking/department"/><xsl:with-param name="what" select="'行业部门'"/><xsl:with-param name="coverage" select="true()"/></xsl:call-template>
      </xsl:if>

      <xsl:if test="$f/@kind = 'year-end'">
        <xsl:variable name="a" select="$f/awareness"/>
        <h2>总体知晓率</h2>
        <p><l:m><xsl:value-of select="$a/@from"/> 至 <xsl:value-of select="$a/@to"/>，浏览器定位的测试共作答 <xsl:call-template name="num"><xsl:with-param name="n" select="$a/total/@questions"/></xsl:call-template> 题，答对 <xsl:call-template name="num"><xsl:with-param name="n" select="$a/total/@correct"/></xsl:call-template> 题，消防安全知晓率 <strong><xsl:call-template name="pct"><xsl:with-param name="v" select="$a/total/@rate"/></xsl:call-template></strong>。</l:m></p>
        <h2>各镇街</h2>
        <xsl:call-template name="bars"><xsl:with-param name="rows" select="$a/region[@rate]"/><xsl:with-param name="label" select="'rate'"/><xsl:with-param name="caption" select="'各镇街消防安全知晓率'"/></xsl:call-template>
        <xsl:call-template name="rates"><xsl:with-param name="rows" select="$a/region"/><xsl:with-param name="what" select="'镇街'"/></xsl:call-template>
        <h2>各行业部门</h2>
        <xsl:call-template name="rates"><xsl:with-param name="rows" select="$a/department"/><xsl:with-param name="what" select="'行业部门'"/></xsl:call-template>
        <h2>各知识类别（由低到高）</h2>
        <xsl:call-template name="rates"><xsl:with-param name="rows" select="$a/category"/><xsl:with-param name="what" select="'类别'"/></xsl:call-template>
        <h2>各类人员</h2>
        <xsl:call-template name="rates"><xsl:with-param name="rows" select="$a/role"/><xsl:with-param name="what" select="'人员类别'"/></xsl:call-template>
      </xsl:if>
    </article>
  </xsl:template>
</xsl:stylesheet>
