<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-codes.xsl: find a code by its number; revoke with a reason. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">蓝码查询与撤销</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>蓝码查询与撤销</h1>
      <form method="get" action="/admin/codes" class="form inline">
        <label class="field">
          <span class="field-label">蓝码编号</span>
          <input name="q" type="search" value="{codes/@q}" placeholder="例如 330109-0000123"/>
        </label>
        <button type="submit" class="button">查询</button>
      </form>
      <p><a href="/admin">返回管理首页</a></p>
    </section>
    <section class="card">
      <h2>
        <xsl:choose>
          <xsl:when test="codes/@q">查询结果</xsl:when>
          <xsl:otherwise>最近领取的蓝码</xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:if test="not(codes/code)"><p>没有找到蓝码。</p></xsl:if>
      <xsl:for-each select="codes/code">
        <article class="admin-code">
          <p><strong><xsl:value-of select="@number"/></strong>
            <xsl:text> · </xsl:text><xsl:value-of select="@role-name"/>
            <xsl:text> · </xsl:text><xsl:value-of select="@region"/>
            <xsl:if test="@method = 'manual'">（手动）</xsl:if></p>
          <p class="note"><l:m>领取 <xsl:value-of select="@issued"/>，有效期至 <xsl:value-of select="@expires"/>
            </l:m><xsl:if test="@holder"><l:m>，持有人 <xsl:value-of select="@holder"/></l:m></xsl:if>
            <xsl:if test="@phone">，<xsl:value-of select="@phone"/></xsl:if></p>
          <xsl:choose>
            <xsl:when test="@revoked">
              <p class="form-error"><l:m>已于 <xsl:value-of select="@revoked"/> 撤销：<xsl:value-of select="@revoke-reason"/></l:m></p>

            </xsl:when>
            <xsl:otherwise>
              <details>
                <summary>撤销此蓝码</summary>
                <form method="post" action="/admin/codes/{@id}/revoke" class="form">
                  <xsl:call-template name="csrf"/>
                  <label class="field">
                    <span class="field-label">撤销原因（持有人可以看到，并记入操作日志）</span>
                    <textarea name="text" rows="2" maxlength="200" required="required"></textarea>
                  </label>
                  <label class="check">
                    <input type="checkbox" name="confirm" value="yes" required="required"/>
                    <span>我已核实：撤销后不可恢复，持有人需重新答题领取新码</span>
                  </label>
                  <button type="submit" class="button danger">撤销此蓝码</button>
                </form>
              </details>
            </xsl:otherwise>
          </xsl:choose>
        </article>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
