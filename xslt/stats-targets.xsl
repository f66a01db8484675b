<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-targets.xsl: a month's figures against the monthly targets: the
  total, a map of the streets and towns coloured by their state, the
  table (target, counted, manual beside it, completion, state), and the
  twelve months to the one shown. The map is SVG drawn here: no script
  and no map tiles are needed to see it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="stats-common.xsl"/>

  <xsl:template match="/page" mode="title">推进目标完成情况</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="s" select="stats"/>
    <section class="card">
      <h1>推进目标完成情况 · <xsl:call-template name="month-name"><xsl:with-param name="m" select="$s/@month"/></xsl:call-template></h1>
      <p>
        <a href="/admin">返回管理首页</a>
        <xsl:text> · </xsl:text>
        <a href="/admin/stats/awareness">知晓率</a>
        <xsl:text> · </xsl:text>
        <a href="/admin/stats/targets.csv?month={$s/@month}">下载表格（CSV）</a>
      </p>
      <p class="filters">
        <a href="/admin/stats?month={$s/@previous}">上个月</a>
        <xsl:if test="$s/@next">
          <xsl:text> · </xsl:text>
          <a href="/admin/stats?month={$s/@next}">下个月</a>
          <xsl:text> · </xsl:text>
          <a href="/admin/stats">本月</a>
        </xsl:if>
      </p>
      <p class="note">每月目标为常住人口的 1%。计入目标的是浏览器定位在本镇街、通过测试的答题，每部手机每月计一次；手动选择镇街的单独列出，不计入考核。<xsl:if test="$s/@gone &lt; $s/@days">本月已过 <xsl:value-of select="$s/@gone"/> / <xsl:value-of select="$s/@days"/> 天，按天数折算的进度以内为“进度正常”。</xsl:if></p>
      <xsl:if test="$s/@only = 0">
        <p class="stat-total state-{$s/total/@state}">
          <xsl:text>全区计入 </xsl:text>
          <strong><xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@counted"/></xsl:call-template></strong>
          <xsl:text> / 目标 </xsl:text>
          <xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@target"/></xsl:call-template>
          <xsl:text>，完成 </xsl:text>
          <xsl:call-template name="pct"><xsl:with-param name="v" select="$s/total/@completion"/></xsl:call-template>
          <xsl:text>（</xsl:text>
          <xsl:call-template name="state-name"><xsl:with-param name="s" select="$s/total/@state"/></xsl:call-template>
          <xsl:text>）</xsl:text>
        </p>
      </xsl:if>
    </section>
    <xsl:if test="map/area">
      <section class="card">
        <h2>各镇街完成情况分布</h2>
        <svg class="stat-map" viewBox="0 0 {map/@width} {map/@height}" role="img"
            aria-label="各镇街本月目标完成情况地图，颜色表示状态，下表列出同样的数字">
          <xsl:for-each select="map/area">
            <xsl:variable name="g" select="$s/region[@id = current()/@region]"/>
            <path d="{@d}">
              <xsl:attribute name="class">
                <xsl:text>area state-</xsl:text>
                <xsl:choose>
                  <xsl:when test="$g"><xsl:value-of select="$g/@state"/></xsl:when>
                  <xsl:otherwise>other</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:if test="$g">
                <title><xsl:value-of select="$g/@name"/>：<xsl:call-template name="pct"><xsl:with-param name="v" select="$g/@completion"/></xsl:call-template>（<xsl:call-template name="state-name"><xsl:with-param name="s" select="$g/@state"/></xsl:call-template>）</title>
              </xsl:if>
            </path>
          </xsl:for-each>
        </svg>
        <p class="legend">
          <span class="key state-met"></span>已完成
          <span class="key state-on-track"></span>进度正常
          <span class="key state-behind"></span>进度滞后
        </p>
      </section>
    </xsl:if>
    <section class="card">
      <h2>各镇街</h2>
      <div class="scroll">
        <table class="records">
          <thead>
            <tr><th scope="col">镇街</th><th scope="col" class="n">常住人口</th><th scope="col" class="n">月目标</th>
              <th scope="col" class="n">计入</th><th scope="col" class="n">手动定位（不计入）</th>
              <th scope="col" class="n">完成率</th><th scope="col">状态</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$s/region">
              <tr id="region-{@id}">
                <th scope="row"><xsl:value-of select="@name"/></th>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@population"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@target"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@counted"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="@manual"/><xsl:with-param name="none" select="'0'"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@completion"/></xsl:call-template></td>
                <td class="state-{@state}"><xsl:call-template name="state-name"><xsl:with-param name="s" select="@state"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
          <xsl:if test="$s/@only = 0">
            <tfoot>
              <tr><th scope="row">合计</th><td></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@target"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@counted"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@manual"/></xsl:call-template></td>
                <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="$s/total/@completion"/></xsl:call-template></td>
                <td></td></tr>
            </tfoot>
          </xsl:if>
        </table>
      </div>
    </section>
    <section class="card">
      <h2>近 12 个月完成率</h2>
      <div class="scroll">
        <table class="records history">
          <thead>
            <tr><th scope="col">镇街</th>
              <xsl:for-each select="$s/months/m"><th scope="col" class="n"><xsl:value-of select="number(substring(., 6, 2))"/>月</th></xsl:for-each>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$s/region">
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <xsl:for-each select="month">
                  <td class="n">
                    <xsl:if test="@completion &gt;= 100"><xsl:attribute name="class">n state-met</xsl:attribute></xsl:if>
                    <xsl:call-template name="pct"><xsl:with-param name="v" select="@completion"/></xsl:call-template>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>
</xsl:stylesheet>
