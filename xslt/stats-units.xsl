<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-units.xsl: departments and key units ranked, as the committee's
  bulletins rank them: headcount, registered and the registration rate,
  valid codes, total and average points, average quiz score; each column
  that can rank links to the ranking by it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>

  <xsl:template match="/page" mode="title">行业部门与重点单位排名</xsl:template>

  <xsl:template name="sort-head">
    <xsl:param name="by"/>
    <xsl:param name="label"/>
    <xsl:variable name="rk" select="/page/ranking"/>
    <th scope="col" class="n">
      <xsl:choose>
        <xsl:when test="$rk/@sort = $by"><xsl:attribute name="aria-sort">descending</xsl:attribute><strong><xsl:value-of select="$label"/> ▼</strong></xsl:when>
        <xsl:otherwise><a href="/admin/stats/units?sort={$by}&amp;from={$rk/@from}&amp;to={$rk/@to}"><xsl:value-of select="$label"/></a></xsl:otherwise>
      </xsl:choose>
    </th>
  </xsl:template>

  <xsl:template name="table">
    <xsl:param name="rows"/>
    <xsl:param name="what"/>
    <div class="scroll" tabindex="0">
      <table class="records ranking">
        <thead>
          <tr>
            <th scope="col" class="n">名次</th>
            <th scope="col"><xsl:value-of select="$what"/></th>
            <xsl:if test="$rows[1]/@units"><th scope="col" class="n">单位数</th></xsl:if>
            <th scope="col" class="n">人员数</th>
            <xsl:call-template name="sort-head"><xsl:with-param name="by" select="'registered'"/><xsl:with-param name="label" select="'注册数'"/></xsl:call-template>
            <xsl:call-template name="sort-head"><xsl:with-param name="by" select="'rate'"/><xsl:with-param name="label" select="'注册率'"/></xsl:call-template>
            <xsl:call-template name="sort-head"><xsl:with-param name="by" select="'valid'"/><xsl:with-param name="label" select="'持有效蓝码'"/></xsl:call-template>
            <xsl:call-template name="sort-head"><xsl:with-param name="by" select="'points'"/><xsl:with-param name="label" select="'总分数'"/></xsl:call-template>
            <xsl:call-template name="sort-head"><xsl:with-param name="by" select="'average'"/><xsl:with-param name="label" select="'平均分'"/></xsl:call-template>
            <xsl:call-template name="sort-head"><xsl:with-param name="by" select="'score'"/><xsl:with-param name="label" select="'测试平均得分'"/></xsl:call-template>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$rows">
            <tr>
              <td class="n"><xsl:value-of select="@rank"/></td>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="self::unit"><a href="/admin/stats/units/{@id}"><xsl:value-of select="@name"/></a></xsl:when>
                  <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                </xsl:choose>
              </th>
              <xsl:if test="@units"><td class="n"><xsl:value-of select="@units"/></td></xsl:if>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@headcount"/></xsl:call-template></td>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@registered"/></xsl:call-template></td>
              <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@rate"/></xsl:call-template></td>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@valid"/></xsl:call-template><xsl:if test="@valid-rate"><l:m>（<xsl:value-of select="@valid-rate"/>%）</l:m></xsl:if></td>
              <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@points"/></xsl:call-template></td>
              <td class="n"><xsl:choose><xsl:when test="@average"><xsl:value-of select="@average"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></td>
              <td class="n"><xsl:choose><xsl:when test="@score"><xsl:value-of select="@score"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="rk" select="ranking"/>
    <section class="card">
      <h1>行业部门与重点单位排名</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/stats">推进目标完成情况</a> · <a href="/admin/stats/awareness">知晓率</a></p>
      <form method="get" action="/admin/stats/units" class="inline-form filters">
        <input type="hidden" name="sort" value="{$rk/@sort}"/>
        <label>测试得分从 <input type="date" name="from" value="{$rk/@from}"/></label>
        <label>到 <input type="date" name="to" value="{$rk/@to}"/></label>
        <button type="submit" class="button secondary">查看</button>
      </form>
      <p class="note">人员数为单位申报的人数；注册数为已加入单位的注册用户；注册率 = 注册数 ÷ 人员数；总分数、平均分为成员的学习积分（平均分 = 总分数 ÷ 注册数）；测试平均得分为成员在所选时间内完成的测试的平均分。行业部门的数字是其下已审核单位的合计。数字相同的名次并列。</p>
    </section>
    <section class="card" id="departments">
      <h2>行业部门</h2>
      <xsl:call-template name="table"><xsl:with-param name="rows" select="$rk/department"/><xsl:with-param name="what" select="'行业部门'"/></xsl:call-template>
    </section>
    <section class="card" id="key-units">
      <h2>重点单位<xsl:if test="$rk/@department-only != 0 or $rk/@region-only != 0">（你负责的范围）</xsl:if></h2>
      <xsl:choose>
        <xsl:when test="$rk/unit"><xsl:call-template name="table"><xsl:with-param name="rows" select="$rk/unit"/><xsl:with-param name="what" select="'单位'"/></xsl:call-template></xsl:when>
        <xsl:otherwise><p class="note">还没有认定的重点单位。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
