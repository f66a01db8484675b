<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-targets.xsl: a month's figures against the monthly targets: the
  total, a map of the streets and towns coloured by their state, the
  table (target, counted, manual beside it, completion, state), and the
  twelve months to the one shown. The map is SVG drawn here: no script
  and no map tiles are needed to see it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
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
      <p class="note">每月目标为常住人口的 1%。计入目标的是浏览器定位在本镇街、通过测试的答题，每部手机每月计一次；手动选择镇街的单独列出，不计入考核。<xsl:if test="$s/@gone &lt; $s/@days"><l:m>本月已过 <xsl:value-of select="$s/@gone"/> / <xsl:value-of select="$s/@days"/> 天，按天数折算的进度以内为“进度正常”。</l:m></xsl:if></p>
      <xsl:if test="$s/@only = 0">
        <p class="stat-total state-{$s/total/@state}">
          <l:m><xsl:text>全区计入 </xsl:text>
          <strong><xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@counted"/></xsl:call-template></strong>
          <xsl:text> / 目标 </xsl:text>
          <xsl:call-template name="num"><xsl:with-param name="n" select="$s/total/@target"/></xsl:call-template>
          <xsl:text>，完成 </xsl:text>
          <xsl:call-template name="pct"><xsl:with-param name="v" select="$s/total/@completion"/></xsl:call-template>
          <xsl:text>（</xsl:text>
          <xsl:call-template name="state-name"><xsl:with-param name="s" select="$s/total/@state"/></xsl:call-template>
          <xsl:text>）</xsl:text></l:m>
        </p>
      </xsl:if>
    </section>
    <xsl:if test="map/area">
      <section class="card">
        <xsl:variable name="aw" select="/page/@map-colour = 'awareness'"/>
        <h2>
          <xsl:choose>
            <xsl:when test="$aw">各镇街本月知晓率分布</xsl:when>
            <xsl:otherwise>各镇街完成情况分布</xsl:otherwise>
          </xsl:choose>
        </h2>
        <p class="filters">
          <xsl:choose>
            <xsl:when test="$aw"><a href="/admin/stats?month={$s/@month}">按目标完成情况着色</a> · <strong>按知晓率着色</strong></xsl:when>
            <xsl:otherwise><strong>按目标完成情况着色</strong> · <a href="/admin/stats?month={$s/@month}&amp;map=awareness">按知晓率着色</a></xsl:otherwise>
          </xsl:choose>
        </p>
        <svg class="stat-map" viewBox="0 0 {map/@width} {map/@height}" role="img"
            aria-label="各镇街本月目标完成情况地图，颜色表示状态，下表列出同样的数字">
          <xsl:for-each select="map/area">
            <xsl:variable name="g" select="$s/region[@id = current()/@region]"/>
            <path d="{@d}">
              <xsl:attribute name="class">
                <xsl:choose>
                  <xsl:when test="not($g)">area state-other</xsl:when>
                  <xsl:when test="/page/@map-colour = 'awareness'">
                    <xsl:text>area aware-</xsl:text>
                    <xsl:choose>
                      <xsl:when test="not($g/@awareness)">none</xsl:when>
                      <xsl:when test="$g/@awareness &gt;= 90">high</xsl:when>
                      <xsl:when test="$g/@awareness &gt;= 80">mid</xsl:when>
                      <xsl:otherwise>low</xsl:otherwise>
                    </xsl:choose>
                  </xsl:when>
                  <xsl:otherwise>area state-<xsl:value-of select="$g/@state"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:if test="$g">
                <title>
                  <xsl:value-of select="$g/@name"/>
                  <xsl:text>：</xsl:text>
                  <xsl:choose>
                    <xsl:when test="/page/@map-colour = 'awareness'"><l:m>知晓率 <xsl:call-template name="pct"><xsl:with-param name="v" select="$g/@awareness"/></xsl:call-template></l:m></xsl:when>
                    <xsl:otherwise><l:m><xsl:call-template name="pct"><xsl:with-param name="v" select="$g/@completion"/></xsl:call-template>（<xsl:call-template name="state-name"><xsl:with-param name="s" select="$g/@state"/></xsl:call-template>）</l:m></xsl:otherwise>
                  </xsl:choose>
                </title>
              </xsl:if>
            </path>
          </xsl:for-each>
        </svg>
        <p class="legend">
          <xsl:choose>
            <xsl:when test="/page/@map-colour = 'awareness'">
              <span class="key aware-high"></span>90% 以上
              <span class="key aware-mid"></span>80%–90%
              <span class="key aware-low"></span>80% 以下
              <span class="key aware-none"></span>本月无定位答题
            </xsl:when>
            <xsl:otherwise>
              <span class="key state-met"></span>已完成
              <span class="key state-on-track"></span>进度正常
              <span class="key state-behind"></span>进度滞后
            </xsl:otherwise>
          </xsl:choose>
        </p>
      </section>
    </xsl:if>
    <section class="card">
      <h2>各镇街</h2>
      <div class="scroll" tabindex="0">
        <table class="records">
          <thead>
            <tr><th scope="col">镇街</th><th scope="col" class="n">常住人口</th><th scope="col" class="n">月目标</th>
              <th scope="col" class="n">计入</th><th scope="col" class="n">手动定位（不计入）</th>
              <th scope="col" class="n">完成率</th><th scope="col">状态</th><th scope="col" class="n">本月知晓率</th></tr>
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
                <td class="n"><xsl:call-template name="pct"><xsl:with-param name="v" select="@awareness"/></xsl:call-template></td>
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
                <td></td><td></td></tr>
            </tfoot>
          </xsl:if>
        </table>
      </div>
    </section>
    <section class="card">
      <h2>近 12 个月完成率</h2>
      <div class="scroll" tabindex="0">
        <table class="records history">
          <thead>
            <tr><th scope="col">镇街</th>
              <xsl:for-each select="$s/months/m"><th scope="col" class="n"><l:m><xsl:value-of select="number(substring(., 6, 2))"/>月</l:m></th></xsl:for-each>
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
