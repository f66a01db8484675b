<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-training.xsl: training bookings in the admin area: what waits
  for whom, oldest first (overdue after 5 working days without an
  answer), or the requests of one status; and the confirmed trainings of
  the next 8 weeks, by day, with their trainers.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="training-names.xsl"/>

  <xsl:template match="/page" mode="title">培训预约</xsl:template>

  <xsl:template name="filter">
    <xsl:param name="s"/>
    <xsl:param name="label"/>
    <xsl:choose>
      <xsl:when test="/page/requests/@status = $s"><strong><xsl:value-of select="$label"/></strong></xsl:when>
      <xsl:when test="$s = 'waiting'"><a href="/admin/training"><xsl:value-of select="$label"/></a></xsl:when>
      <xsl:otherwise><a href="/admin/training?status={$s}"><xsl:value-of select="$label"/></a></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="waiting" select="requests/@status = 'waiting'"/>
    <section class="card">
      <h1>培训预约</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/training">居民看到的申请页</a>
        <xsl:if test="session/admin/@scope = 'district'"> · <a href="/admin/training/setup">讲师与节假日</a></xsl:if></p>
      <p class="filters">
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'waiting'"/><xsl:with-param name="label" select="'待办'"/></xsl:call-template> ·
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'requested'"/><xsl:with-param name="label" select="'待答复'"/></xsl:call-template> ·
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'proposed'"/><xsl:with-param name="label" select="'待申请人确认'"/></xsl:call-template> ·
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'confirmed'"/><xsl:with-param name="label" select="'已确认'"/></xsl:call-template> ·
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'done'"/><xsl:with-param name="label" select="'已完成'"/></xsl:call-template> ·
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'declined'"/><xsl:with-param name="label" select="'未能安排'"/></xsl:call-template> ·
        <xsl:call-template name="filter"><xsl:with-param name="s" select="'cancelled'"/><xsl:with-param name="label" select="'已取消'"/></xsl:call-template>
      </p>
      <xsl:if test="$waiting">
        <p class="note">按服务承诺，申请须在 5 个工作日内答复（提交当天不计，周末和节假日不计，调休上班日计入）；超过仍未答复的标为“超期”。</p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="requests/request">
          <div class="scroll" tabindex="0">
            <table class="records">
              <thead><tr><th scope="col">编号</th><th scope="col">提交时间</th><th scope="col">单位</th><th scope="col">镇街</th><th scope="col" class="n">人数</th><th scope="col">内容</th><th scope="col">状态</th><th scope="col">待办</th></tr></thead>
              <tbody>
                <xsl:for-each select="requests/request">
                  <tr id="request-{@id}">
                    <td><a href="/admin/training/{@id}"><xsl:value-of select="@ref"/></a></td>
                    <td><xsl:value-of select="@at"/></td>
                    <td><xsl:value-of select="@organisation"/></td>
                    <td><xsl:value-of select="@region"/></td>
                    <td class="n"><xsl:value-of select="@headcount"/></td>
                    <td><xsl:call-template name="training-topic"><xsl:with-param name="t" select="@topic"/></xsl:call-template></td>
                    <td><xsl:call-template name="training-status"><xsl:with-param name="s" select="@status"/></xsl:call-template>
                      <xsl:if test="@day"><br/><xsl:value-of select="@day"/><xsl:text> </xsl:text><xsl:value-of select="@time"/> · <xsl:value-of select="@trainer"/></xsl:if></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@overdue"><l:m><strong class="overdue">超期</strong> 待办：办公室答复（期限 <xsl:value-of select="@due"/>）</l:m></xsl:when>
                        <xsl:when test="@status = 'requested'"><l:m>待办：办公室答复（期限 <xsl:value-of select="@due"/>）</l:m></xsl:when>
                        <xsl:when test="@next = 'requester'">等待申请人确认改期</xsl:when>
                        <xsl:when test="@next = 'office'">待办：办公室标记培训完成</xsl:when>
                        <xsl:otherwise>—</xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:when test="$waiting"><p class="note">没有待办的培训申请。</p></xsl:when>
        <xsl:otherwise><p class="note">没有这个状态的培训申请。</p></xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card">
      <h2>今后 8 周已确认的培训</h2>
      <xsl:choose>
        <xsl:when test="calendar/training">
          <xsl:for-each select="calendar/training[not(@day = preceding-sibling::training[1]/@day)]">
            <xsl:variable name="d" select="@day"/>
            <h3 class="calendar-day"><xsl:value-of select="$d"/></h3>
            <ul class="slots">
              <xsl:for-each select="/page/calendar/training[@day = $d]">
                <li><xsl:value-of select="@time"/>–<xsl:value-of select="@until"/>
                  <xsl:text> </xsl:text><a href="/admin/training/{@id}"><xsl:value-of select="@organisation"/></a><l:m>
                  （<xsl:value-of select="@region"/>，<xsl:value-of select="@headcount"/> 人）· 讲师 <xsl:value-of select="@trainer"/></l:m></li>
              </xsl:for-each>
            </ul>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p class="note">今后 8 周还没有已确认的培训。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
