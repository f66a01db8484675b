<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-growth.xsl: growth between the ends of two days: people
  registered, total points and points per person, in the jurisdiction
  and in each street and town.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>

  <xsl:template match="/page" mode="title">增长情况</xsl:template>

  <xsl:template name="growth">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''">—</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/>%</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="g" select="growth"/>
    <section class="card">
      <h1>增长情况</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/bulletins">通报</a></p>
      <form method="get" action="/admin/stats/growth" class="inline-form filters">
        <label>截至 <input type="date" name="from" value="{$g/@before}"/></label>
        <label><l:m>与截至 <input type="date" name="to" value="{$g/@after}"/> 相比</l:m></label>
        <button type="submit" class="button secondary">查看</button>
      </form>
      <table class="records">
        <thead><tr><th scope="col"></th><th scope="col" class="n"><l:m>截至 <xsl:value-of select="$g/@before"/></l:m></th><th scope="col" class="n"><l:m>截至 <xsl:value-of select="$g/@after"/></l:m></th><th scope="col" class="n">增长率</th></tr></thead>
        <tbody>
          <tr><th scope="row">注册用户</th>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$g/@registered-before"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$g/@registered"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="growth"><xsl:with-param name="v" select="$g/@registered-growth"/></xsl:call-template></td></tr>
          <tr><th scope="row">学习总积分</th>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$g/@points-before"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$g/@points"/></xsl:call-template></td>
            <td class="n"><xsl:call-template name="growth"><xsl:with-param name="v" select="$g/@points-growth"/></xsl:call-template></td></tr>
          <tr><th scope="row">人均积分</th>
            <td class="n"><xsl:value-of select="$g/@per-person-before"/></td>
            <td class="n"><xsl:value-of select="$g/@per-person"/></td>
            <td class="n"><xsl:call-template name="growth"><xsl:with-param name="v" select="$g/@per-person-growth"/></xsl:call-template></td></tr>
        </tbody>
      </table>
      <p class="note">注册用户含尚未填写所在镇街的用户；各镇街按用户资料中的镇街统计。</p>
    </section>
    <section class="card">
      <h2>各镇街</h2>
      <div class="scroll" tabindex="0">
        <table class="records">
          <thead><tr><th scope="col">镇街</th><th scope="col" class="n">注册（前）</th><th scope="col" class="n">注册（后）</th><th scope="col" class="n">增长率</th><th scope="col" class="n">积分（前）</th><th scope="col" class="n">积分（后）</th><th scope="col" class="n">增长率</th></tr></thead>
          <tbody>
            <xsl:for-each select="towns/town">
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@registered-before"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@registered"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="growth"><xsl:with-param name="v" select="@registered-growth"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@points-before"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@points"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="growth"><xsl:with-param name="v" select="@points-growth"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
