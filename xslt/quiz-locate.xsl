<?xml version="1.0" encoding="UTF-8"?>
<!--
  quiz-locate.xsl: step 2: where the person is. static/js/locate.js asks
  the browser for its position and posts it; the manual choice is always
  there (and works without JavaScript), flagged as not counted.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">确认所在镇街</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <p class="steps-bar"><span class="done">① 选择角色</span><span class="on">② 确认镇街</span><span>③ 答题</span><span>④ 领取蓝码</span></p>
      <h1>确认所在镇街</h1>
      <p><l:m>角色：<strong><xsl:value-of select="role/@name"/></strong></l:m>
        <a class="small" href="/quiz">更换</a></p>
      <p class="note"><l:m>共 <xsl:value-of select="role/@questions"/> 题，限时 <xsl:value-of select="role/@minutes"/> 分钟，达到及格线 <xsl:value-of select="role/@pass-mark"/> 分即可领取蓝码。</l:m></p>
      <xsl:if test="current-code and current-code/@days-left &gt; 30">
        <p class="flash-inline"><l:m>你已有一张有效的<xsl:value-of select="role/@name"/>蓝码（有效期至 <span class="nowrap"><xsl:value-of select="current-code/@expires"/></span>）。现在答题通过不会再发新码；到期前 30 天内再答题通过即可续期。</l:m><a href="/my/{current-code/@id}">查看我的蓝码</a></p>
      </xsl:if>
      <xsl:apply-templates select="locate-error"/>
      <form method="post" action="/quiz/{role/@code}/start" id="locate-form" class="form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="lng" id="lng"/>
        <input type="hidden" name="lat" id="lat"/>
        <button type="button" class="button" id="locate-button" hidden="hidden">定位并开始答题</button>
        <p class="note" id="locate-status" role="status"
            data-msg-locating="正在获取位置……"
            data-msg-located="已获取位置，正在确认所在镇街……"
            data-msg-denied="未获得定位授权。请在浏览器设置中允许定位，或在下方手动选择镇街。"
            data-msg-failed="暂时无法获取位置，请重试或在下方手动选择镇街。"></p>
      </form>
    </section>
    <section class="card">
      <h2>手动选择镇街</h2>
      <p class="note">定位不准确或无法定位时，可以手动选择。手动选择的答题成绩对本人有效，但不纳入镇街考核统计。</p>
      <form method="post" action="/quiz/{role/@code}/start" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">所在镇街</span>
          <select name="region" required="required">
            <option value="">请选择</option>
            <xsl:for-each select="regions/region">
              <option value="{@id}"><xsl:value-of select="@name"/></option>
            </xsl:for-each>
          </select>
        </label>
        <button type="submit" class="button secondary">手动选择并开始答题</button>
      </form>
    </section>
    <script src="/static/js/locate.js"></script>
  </xsl:template>

  <xsl:template match="locate-error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'outside'"><l:m>你的位置不在<xsl:value-of select="/page/jurisdiction/@name"/>范围内。本次答题须在辖区内进行；如果定位有误，可以在下方手动选择所在镇街（不纳入考核）。</l:m></xsl:when>
        <xsl:when test="@code = 'bad-position'">没有收到有效的位置，请重新定位或手动选择。</xsl:when>
        <xsl:when test="@code = 'bad-region'">请选择本辖区内的镇街。</xsl:when>
        <xsl:otherwise>请先定位或手动选择所在镇街。</xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
