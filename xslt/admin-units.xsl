<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-units.xsl: the units people created, those waiting for approval
  first, filterable by status; approve or reject a waiting one, and mark
  a unit as a key unit (重点单位).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">单位审核与重点单位</xsl:template>

  <xsl:template name="filter">
    <xsl:param name="status"/>
    <xsl:param name="label"/>
    <xsl:choose>
      <xsl:when test="units/@status = $status"><strong><xsl:value-of select="$label"/></strong></xsl:when>
      <xsl:otherwise>
        <a href="/admin/units{substring('?status=', 1, 8 * ($status != ''))}{$status}"><xsl:value-of select="$label"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>单位审核与重点单位</h1>
      <p><a href="/admin">返回管理首页</a></p>
      <p class="note">居民登录后可以创建单位；审核通过后，成员才能凭加入码加入。是否为重点单位由区消安委办认定。</p>
      <xsl:if test="/page/session/admin/@scope = 'department'">
        <p class="note">这里列出选择了你所在行业部门的单位，由你审核。</p>
      </xsl:if>
      <p class="filters">
        <xsl:call-template name="filter"><xsl:with-param name="status" select="''"/><xsl:with-param name="label" select="'全部'"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="filter"><xsl:with-param name="status" select="'pending'"/><xsl:with-param name="label" select="'待审核'"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="filter"><xsl:with-param name="status" select="'active'"/><xsl:with-param name="label" select="'已通过'"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="filter"><xsl:with-param name="status" select="'rejected'"/><xsl:with-param name="label" select="'未通过'"/></xsl:call-template>
      </p>
      <xsl:choose>
        <xsl:when test="units/unit">
          <xsl:for-each select="units/unit">
            <div class="admin-unit" id="unit-{@id}">
              <h2>
                <xsl:value-of select="@name"/>
                <xsl:if test="@key = 1"><span class="tag">重点单位</span></xsl:if>
              </h2>
              <p>
                <xsl:value-of select="@region"/>
                <xsl:if test="@department"> · <xsl:value-of select="@department"/></xsl:if><l:m>
                · 人员数 <xsl:call-template name="num"><xsl:with-param name="n" select="@headcount"/></xsl:call-template>
                · 已加入 <xsl:value-of select="@members"/> 人
              </l:m></p>
              <p class="note">
                <l:m><xsl:value-of select="@created"/> 由 <xsl:value-of select="@creator"/><xsl:if test="not(@creator)">（未填写姓名）</xsl:if>
                <span class="nowrap"><xsl:value-of select="@creator-phone"/></span> 创建 ·
                </l:m><xsl:choose>

                  <xsl:when test="@status = 'pending'">待审核</xsl:when>
                  <xsl:when test="@status = 'active'">已通过</xsl:when>
                  <xsl:otherwise>未通过</xsl:otherwise>
                </xsl:choose>
              </p>
              <xsl:if test="@status = 'pending'">
                <form method="post" action="/admin/units/{@id}/decide" class="inline">
                  <xsl:call-template name="csrf"/>
                  <button type="submit" name="decision" value="approve" class="button">通过</button>
                  <xsl:text> </xsl:text>
                  <button type="submit" name="decision" value="reject" class="button secondary">不通过</button>
                </form>
              </xsl:if>
              <xsl:if test="/page/session/admin/@scope = 'district'">
                <form method="post" action="/admin/units/{@id}/key" class="inline-form">
                  <xsl:call-template name="csrf"/>
                  <label class="check">
                    <input type="checkbox" name="key" value="1">
                      <xsl:if test="@key = 1"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                    </input>
                    <xsl:text>重点单位</xsl:text>
                  </label>
                  <button type="submit" class="button secondary">保存</button>
                </form>
              </xsl:if>
            </div>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p class="note">没有这样的单位。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
