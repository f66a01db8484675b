<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats-daily.xsl: a unit's learning day by day (<daily>): a bar for the
  points of each day (SVG, no script), and the table of learners and
  points under it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:template name="daily">
    <xsl:param name="d" select="/page/daily"/>
    <xsl:variable name="max">
      <xsl:for-each select="$d/day">
        <xsl:sort select="@points" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@points"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <section class="card" id="daily">
      <h2><l:m>近 <xsl:value-of select="$d/@days"/> 天每日学习情况</l:m></h2>
      <p class="note"><l:m>学习人数：当天因学习、练习或测试获得积分的成员（只是登录不算）；积分：成员当天获得的全部学习积分。合计 <xsl:value-of select="$d/@learner-days"/> 人次、<xsl:value-of select="$d/@points"/> 分。</l:m></p>
      <xsl:if test="$max &gt; 0">
        <svg class="daily-chart" viewBox="0 0 {count($d/day) * 10} 60" preserveAspectRatio="none" role="img" aria-label="每日积分柱状图，数字见下表">
          <xsl:for-each select="$d/day">
            <xsl:sort select="@d"/>
            <rect x="{(position() - 1) * 10 + 1}" width="8" y="{60 - @points * 58 div $max}" height="{@points * 58 div $max}"><title><l:m><xsl:value-of select="@d"/>：<xsl:value-of select="@points"/> 分</l:m></title></rect>
          </xsl:for-each>
        </svg>
      </xsl:if>
      <div class="scroll" tabindex="0">
        <table class="records">
          <thead><tr><th scope="col">日期</th><th scope="col" class="n">学习人数</th><th scope="col" class="n">积分</th></tr></thead>
          <tbody>
            <xsl:for-each select="$d/day[@points &gt; 0 or @learners &gt; 0]">
              <tr><th scope="row"><xsl:value-of select="@d"/></th><td class="n"><xsl:value-of select="@learners"/></td><td class="n"><xsl:value-of select="@points"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <xsl:if test="not($d/day[@points &gt; 0])"><p class="note">这段时间成员还没有获得学习积分。</p></xsl:if>
    </section>
  </xsl:template>
</xsl:stylesheet>
