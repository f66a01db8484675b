<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-visits.xsl: the fire stations and their open-day slots (this week
  back and to come) with places booked; forms for a new slot and (for
  district admins) a new station. A station admin sees its own station
  only. A slot links to its bookings.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">消防站参观</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'bad-station'">请填写消防站名称（最长 64 个字）和地址（最长 200 个字），各一行。</xsl:when>
        <xsl:when test="@code = 'taken'">已有同名的消防站。</xsl:when>
        <xsl:when test="@code = 'bad-slot'">请选择消防站，填写日期、时间、时长（15–480 分钟）和名额（1–500）。</xsl:when>
        <xsl:when test="@code = 'past'">开放时段须在以后的某个时间（日期须存在）。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>消防站参观</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/visits">居民看到的预约页</a></p>
      <xsl:apply-templates select="error"/>
      <xsl:choose>
        <xsl:when test="stations/station">
          <xsl:for-each select="stations/station">
            <xsl:variable name="id" select="@id"/>
            <h2><xsl:value-of select="@name"/></h2>
            <p class="note"><xsl:value-of select="@address"/></p>
            <xsl:choose>
              <xsl:when test="/page/slots/slot[@station = $id]">
                <ul class="slots">
                  <xsl:for-each select="/page/slots/slot[@station = $id]">
                    <li><a href="/admin/visits/slots/{@id}"><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/></a><l:m>
                      （<xsl:value-of select="@minutes"/> 分钟）· 已约 <xsl:value-of select="@booked"/> / <xsl:value-of select="@capacity"/></l:m></li>

                  </xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:otherwise><p class="note">还没有开放时段。</p></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有录入消防站。</p></xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="stations/station">
      <section class="card">
        <h2>新增开放时段</h2>
        <form method="post" action="/admin/visits/slots" class="form">
          <xsl:call-template name="csrf"/>
          <label class="field"><span class="field-label">消防站</span>
            <select name="station">
              <xsl:for-each select="stations/station"><option value="{@id}"><xsl:value-of select="@name"/></option></xsl:for-each>
            </select></label>
          <label class="field"><span class="field-label">日期</span><input name="day" type="date" required="required"/></label>
          <label class="field"><span class="field-label">开始时间</span><input name="time" type="time" required="required"/></label>
          <label class="field"><span class="field-label">时长（分钟）</span><input name="minutes" type="number" min="15" max="480" value="90" required="required"/></label>
          <label class="field"><span class="field-label">名额（人）</span><input name="capacity" type="number" min="1" max="500" value="40" required="required"/></label>
          <button type="submit" class="button">新增时段</button>
        </form>
      </section>
    </xsl:if>
    <xsl:if test="stations/@only = 0">
    <section class="card">
      <h2>新增消防站</h2>
      <form method="post" action="/admin/visits/stations" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">名称</span><input name="name" type="text" maxlength="64" required="required"/></label>
        <label class="field"><span class="field-label">地址</span><input name="address" type="text" maxlength="200" required="required"/></label>
        <button type="submit" class="button secondary">新增消防站</button>
      </form>
    </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
